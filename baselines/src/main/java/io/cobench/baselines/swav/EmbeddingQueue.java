package io.cobench.baselines.swav;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The queue of past large-crop embeddings, a [2, L, D] graph state variable (so checkpoints keep
 * it): newest rows first, the oldest dropped, as in the reference.
 */
final class EmbeddingQueue {
    private EmbeddingQueue() {
    }

    /**
     * Shifts each large crop's queue down by B rows and puts that crop's batch embeddings on top.
     *
     * @param queue [2, L, D], changed in place
     * @param embeddings [V*B, D], large crops first
     */
    static void push(INDArray queue, INDArray embeddings, int crops) {
        long length = queue.size(1);
        long b = embeddings.size(0) / crops;
        if (b > length) {
            throw new IllegalStateException("swav: queue.length (" + length + ") must be at least the batch size ("
                    + b + ")");
        }
        for (int v = 0; v < 2; v++) {
            INDArray q = queue.get(NDArrayIndex.point(v), NDArrayIndex.all(), NDArrayIndex.all());
            if (length > b) {
                INDArray older = q.get(NDArrayIndex.interval(0, length - b), NDArrayIndex.all()).dup();
                q.get(NDArrayIndex.interval(b, length), NDArrayIndex.all()).assign(older);
            }
            q.get(NDArrayIndex.interval(0, b), NDArrayIndex.all())
                    .assign(embeddings.get(NDArrayIndex.interval(v * b, (v + 1) * b), NDArrayIndex.all()));
        }
    }

    /** True once every crop's oldest row has been written (embeddings are unit vectors, never all zero). */
    static boolean full(INDArray queue) {
        long last = queue.size(1) - 1;
        for (int v = 0; v < 2; v++) {
            INDArray row = queue.get(NDArrayIndex.point(v), NDArrayIndex.point(last), NDArrayIndex.all());
            if (row.amaxNumber().doubleValue() == 0) {
                return false;
            }
        }
        return true;
    }
}
