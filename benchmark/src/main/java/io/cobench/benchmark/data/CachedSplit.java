package io.cobench.benchmark.data;

import io.cobench.data.Sample;
import io.cobench.data.pipeline.ImageCache;
import io.cobench.data.pipeline.ImageU8;
import io.cobench.data.pipeline.Normalization;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A split read from the image cache on demand: nothing but indices is held, so paper-scale splits
 * stream. Images are the cached pixels normalised as pretraining normalised them.
 */
public final class CachedSplit implements Split {

    /** Segmentation truth of a sample at the cache's size, row-major 0/1. */
    public interface MaskSource {
        float[] mask(Sample sample, int size);
    }

    private final List<Sample> samples;
    private final ImageCache cache;
    private final int[] index;
    private final Normalization norm;
    private final MaskSource masks;

    public CachedSplit(List<Sample> samples, ImageCache cache, Normalization norm, MaskSource masks) {
        this.samples = List.copyOf(samples);
        this.cache = cache;
        this.norm = norm;
        this.masks = masks;
        this.index = new int[samples.size()];
        for (int i = 0; i < index.length; i++) {
            index[i] = cache.indexOf(samples.get(i).id());
            if (index[i] < 0) {
                throw new IllegalStateException("image " + samples.get(i).id() + " is not in cache " + cache.file());
            }
        }
    }

    public List<Sample> samples() {
        return samples;
    }

    @Override
    public int size() {
        return samples.size();
    }

    @Override
    public String id(int i) {
        return samples.get(i).id();
    }

    @Override
    public float[] labels(int i) {
        return samples.get(i).labels();
    }

    @Override
    public INDArray images(int[] rows) {
        int c = cache.channels();
        int s = cache.size();
        int plane = s * s;
        float[] out = new float[rows.length * c * plane];
        for (int k = 0; k < rows.length; k++) {
            ImageU8 img = cache.image(index[rows[k]]);
            byte[] px = img.pixels();
            int base = k * c * plane;
            for (int p = 0; p < plane; p++) {
                for (int ch = 0; ch < c; ch++) {
                    out[base + ch * plane + p] = norm.apply(px[p * c + ch] & 0xff, ch);
                }
            }
        }
        return Nd4j.create(out, new long[] {rows.length, c, s, s}, 'c');
    }

    @Override
    public INDArray masks(int[] rows) {
        if (masks == null) {
            throw new UnsupportedOperationException("this dataset has no masks");
        }
        int s = cache.size();
        float[] out = new float[rows.length * s * s];
        for (int k = 0; k < rows.length; k++) {
            System.arraycopy(masks.mask(samples.get(rows[k]), s), 0, out, k * s * s, s * s);
        }
        return Nd4j.create(out, new long[] {rows.length, 1, s, s}, 'c');
    }
}
