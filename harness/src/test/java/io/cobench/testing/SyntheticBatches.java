package io.cobench.testing;

import io.cobench.batch.BatchSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Small structured images for method tests without datasets: a fixed pool of blob images; the
 * two views are the image with its own noise and random horizontal flip, the target is the
 * clean image. Everything derives from (seed, step), as the real pipeline must.
 */
public final class SyntheticBatches implements BatchSource {
    private final int batch;
    private final int channels;
    private final int size;
    private final long seed;
    private final float[][] pool;
    private final int poolSize;

    public SyntheticBatches(int batch, int channels, int size, int poolSize, long seed) {
        this.batch = batch;
        this.channels = channels;
        this.size = size;
        this.seed = seed;
        this.poolSize = poolSize;
        this.pool = new float[poolSize][];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < poolSize; i++) {
            pool[i] = blobs(r);
        }
    }

    private float[] blobs(SplittableRandom r) {
        float[] img = new float[channels * size * size];
        int n = 1 + r.nextInt(3);
        for (int b = 0; b < n; b++) {
            double cx = r.nextDouble() * size;
            double cy = r.nextDouble() * size;
            double rad = size * (0.1 + 0.25 * r.nextDouble());
            double amp = r.nextDouble() * 2 - 1;
            for (int c = 0; c < channels; c++) {
                double ca = amp * (0.5 + 0.5 * r.nextDouble());
                for (int y = 0; y < size; y++) {
                    for (int x = 0; x < size; x++) {
                        double d2 = ((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (rad * rad);
                        img[(c * size + y) * size + x] += (float) (ca * Math.exp(-d2));
                    }
                }
            }
        }
        return img;
    }

    @Override
    public Map<String, INDArray> batch(long step) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + step);
        int len = channels * size * size;
        float[] v1 = new float[batch * len];
        float[] v2 = new float[batch * len];
        float[] t = new float[batch * len];
        for (int i = 0; i < batch; i++) {
            float[] img = pool[r.nextInt(poolSize)];
            System.arraycopy(img, 0, t, i * len, len);
            view(img, r, v1, i * len);
            view(img, r, v2, i * len);
        }
        Map<String, INDArray> m = new LinkedHashMap<>();
        long[] shape = {batch, channels, size, size};
        m.put("view1", Nd4j.create(v1, shape, DataType.FLOAT));
        m.put("view2", Nd4j.create(v2, shape, DataType.FLOAT));
        m.put("target", Nd4j.create(t, shape, DataType.FLOAT));
        return m;
    }

    private void view(float[] img, SplittableRandom r, float[] out, int off) {
        boolean flip = r.nextBoolean();
        double gain = 0.8 + 0.4 * r.nextDouble();
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int sx = flip ? size - 1 - x : x;
                    out[off + (c * size + y) * size + x] = (float) (gain * img[(c * size + y) * size + sx]
                            + 0.1 * (r.nextDouble() - 0.5));
                }
            }
        }
    }

    @Override
    public long stepsPerEpoch() {
        return Math.max(1, poolSize / batch);
    }

    @Override
    public int batchSize() {
        return batch;
    }
}
