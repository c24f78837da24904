package io.cobench.baselines.swav;

/**
 * SwAV's optional queue of past embeddings, which adds samples to Sinkhorn when the batch is
 * small. Off by default: at small batch it destabilises training (methods.md).
 *
 * @param length embeddings kept per large crop; 0 turns the queue off, otherwise at least the batch size
 * @param startEpoch epoch from which the queue fills; it is used once full, as in the reference
 */
public record QueueConfig(int length, int startEpoch) {
    public QueueConfig {
        if (length < 0 || startEpoch < 0) {
            throw new IllegalArgumentException("swav: queue.length and queue.startEpoch must be >= 0, got "
                    + length + ", " + startEpoch);
        }
    }

    public boolean enabled() {
        return length > 0;
    }
}
