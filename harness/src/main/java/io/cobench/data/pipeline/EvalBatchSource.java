package io.cobench.data.pipeline;

import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Every image once, in store order, through a deterministic transform (by default
 * {@link ResizeTransform}): for feature extraction and evaluation. The last batch holds the
 * remainder, so it may be smaller than {@link #batchSize()}.
 */
public final class EvalBatchSource implements BatchSource {
    private final int count;
    private final int batchSize;
    private final BatchAssembler assembler;

    public EvalBatchSource(ImageStore images, int channels, int size, ViewTransform transform, Normalization norm,
                           int batchSize, int threads, float[][] labels) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size " + batchSize);
        }
        if (labels != null && labels.length != images.count()) {
            throw new IllegalArgumentException(labels.length + " label rows for " + images.count() + " images");
        }
        this.count = images.count();
        this.batchSize = batchSize;
        long steps = (count + batchSize - 1) / batchSize;
        this.assembler = new BatchAssembler(images, channels, size, transform, norm, this::indices, labels, 0,
                threads, 1, steps - 1);
    }

    /** Resize-and-normalise batches of a cache, with its channels repeated or kept as {@code outputChannels} says. */
    public static EvalBatchSource of(ImageCache cache, Normalization norm, int outputChannels, int batchSize,
                                     int threads) {
        return new EvalBatchSource(cache, cache.channels(), cache.size(), new ResizeTransform(0, outputChannels), norm,
                batchSize, threads, null);
    }

    @Override
    public Map<String, INDArray> batch(long step) {
        if (step < 0 || step >= stepsPerEpoch()) {
            throw new IllegalArgumentException("step " + step + " outside 0.." + (stepsPerEpoch() - 1));
        }
        return assembler.batch(step);
    }

    /** Store positions of the images of {@code step}. */
    public int[] indices(long step) {
        int from = (int) (step * batchSize);
        int to = Math.min(count, from + batchSize);
        int[] idx = new int[to - from];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = from + i;
        }
        return idx;
    }

    public List<ViewTransform.Output> outputs() {
        return assembler.outputs();
    }

    @Override
    public long stepsPerEpoch() {
        return (count + batchSize - 1) / batchSize;
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    @Override
    public void close() {
        assembler.close();
    }
}
