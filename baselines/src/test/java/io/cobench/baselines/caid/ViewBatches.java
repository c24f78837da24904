package io.cobench.baselines.caid;

import io.cobench.batch.BatchSource;
import io.cobench.data.pipeline.ImageU8;
import io.cobench.data.pipeline.Normalization;
import io.cobench.data.pipeline.ViewTransform;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Batches made by a method's own view transform from a pool of synthetic 8-bit grey images
 * (bright blobs on a dark ground), so that tests exercise the real views without a dataset.
 * Each batch depends only on (seed, step).
 */
public final class ViewBatches implements BatchSource {
    private final ViewTransform views;
    private final List<ViewTransform.Output> outputs;
    private final ImageU8[] pool;
    private final int batch;
    private final long seed;

    public ViewBatches(ViewTransform views, int channels, int size, int batch, int poolSize, int imageSize, long seed) {
        this.views = views;
        this.outputs = views.outputs(channels, size);
        this.batch = batch;
        this.seed = seed;
        this.pool = new ImageU8[poolSize];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < poolSize; i++) {
            pool[i] = blobs("img" + i, imageSize, r);
        }
    }

    private static ImageU8 blobs(String id, int size, SplittableRandom r) {
        double[] v = new double[size * size];
        int n = 1 + r.nextInt(3);
        for (int b = 0; b < n; b++) {
            double cx = r.nextDouble() * size;
            double cy = r.nextDouble() * size;
            double rad = size * (0.1 + 0.25 * r.nextDouble());
            double amp = 80 + 150 * r.nextDouble();
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    v[y * size + x] += amp * Math.exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (rad * rad));
                }
            }
        }
        byte[] px = new byte[size * size];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) Math.min(255, 20 + Math.round(v[i]));
        }
        return new ImageU8(id, size, size, 1, px);
    }

    @Override
    public Map<String, INDArray> batch(long step) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + step);
        float[][] stacked = new float[outputs.size()][];
        for (int o = 0; o < outputs.size(); o++) {
            stacked[o] = new float[batch * outputs.get(o).length()];
        }
        float[][] one = new float[outputs.size()][];
        for (int o = 0; o < outputs.size(); o++) {
            one[o] = new float[outputs.get(o).length()];
        }
        for (int i = 0; i < batch; i++) {
            views.apply(pool[r.nextInt(pool.length)], r.split(), Normalization.UNIT, one);
            for (int o = 0; o < outputs.size(); o++) {
                System.arraycopy(one[o], 0, stacked[o], i * one[o].length, one[o].length);
            }
        }
        Map<String, INDArray> m = new LinkedHashMap<>();
        for (int o = 0; o < outputs.size(); o++) {
            ViewTransform.Output out = outputs.get(o);
            m.put(out.name(), Nd4j.create(stacked[o], new long[] {batch, out.channels(), out.height(), out.width()},
                    DataType.FLOAT));
        }
        return m;
    }

    @Override
    public long stepsPerEpoch() {
        return Math.max(1, pool.length / batch);
    }

    @Override
    public int batchSize() {
        return batch;
    }
}
