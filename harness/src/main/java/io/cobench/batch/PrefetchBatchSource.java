package io.cobench.batch;

import io.cobench.data.pipeline.ImageCache;
import io.cobench.data.pipeline.ViewTransform;
import io.cobench.data.pipeline.ImageStore;
import io.cobench.data.pipeline.Normalization;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Training batches from an image store through any {@link ViewTransform}, as NCHW float arrays
 * named by the transform's outputs (plus "labels", {@code [B, K]}, when labels are given). Each
 * epoch visits the images in an order shuffled from (seed, epoch); the last incomplete batch of
 * an epoch is dropped, as SSL training loaders do. Batches are assembled on worker threads, with
 * the next {@code prefetch} steps in flight; {@code batch(step)} is a pure function of the step.
 */
public final class PrefetchBatchSource implements BatchSource {
    /** Batch size, seed, worker threads and how many steps ahead to prepare. */
    public record Config(int batchSize, long seed, int threads, int prefetch) {
        public Config {
            if (batchSize < 1 || threads < 1 || prefetch < 0) {
                throw new IllegalArgumentException("batch source: batch " + batchSize + ", threads " + threads
                        + ", prefetch " + prefetch);
            }
        }
    }

    private final ImageStore images;
    private final Config cfg;
    private final long stepsPerEpoch;
    private final BatchAssembler assembler;
    private volatile Object[] order = {-1L, new int[0]};

    /**
     * @param channels and size: the stored images' shape (the cache's)
     * @param labels per-image labels (same positions as the store) or null
     */
    public PrefetchBatchSource(ImageStore images, int channels, int size, ViewTransform transform,
                               Normalization norm, Config cfg, float[][] labels) {
        if (images.count() < cfg.batchSize()) {
            throw new IllegalArgumentException("batch size " + cfg.batchSize() + " exceeds the " + images.count()
                    + " images");
        }
        if (labels != null && labels.length != images.count()) {
            throw new IllegalArgumentException(labels.length + " label rows for " + images.count() + " images");
        }
        this.images = images;
        this.cfg = cfg;
        this.stepsPerEpoch = images.count() / cfg.batchSize();
        this.assembler = new BatchAssembler(images, channels, size, transform, norm, this::indices, labels,
                cfg.seed(), cfg.threads(), cfg.prefetch(), Long.MAX_VALUE);
    }

    public static PrefetchBatchSource of(ImageCache cache, ViewTransform transform, Normalization norm, Config cfg) {
        return new PrefetchBatchSource(cache, cache.channels(), cache.size(), transform, norm, cfg, null);
    }

    @Override
    public Map<String, INDArray> batch(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step " + step + " is negative");
        }
        return assembler.batch(step);
    }

    /** Positions (in the store) of the images of {@code step}. */
    public int[] indices(long step) {
        long epoch = step / stepsPerEpoch;
        int pos = (int) (step % stepsPerEpoch);
        int[] perm = permutation(epoch);
        int[] idx = new int[cfg.batchSize()];
        System.arraycopy(perm, pos * cfg.batchSize(), idx, 0, idx.length);
        return idx;
    }

    private int[] permutation(long epoch) {
        Object[] o = order;
        if ((Long) o[0] == epoch) {
            return (int[]) o[1];
        }
        int[] perm = new int[images.count()];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = i;
        }
        SplittableRandom r = new SplittableRandom(BatchAssembler.mix(cfg.seed(), -1 - epoch, 0x5EED));
        for (int i = perm.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        order = new Object[] {epoch, perm};
        return perm;
    }

    public List<ViewTransform.Output> outputs() {
        return assembler.outputs();
    }

    @Override
    public long stepsPerEpoch() {
        return stepsPerEpoch;
    }

    @Override
    public int batchSize() {
        return cfg.batchSize();
    }

    @Override
    public void close() {
        assembler.close();
    }
}
