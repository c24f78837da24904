package io.cobench.benchmark;

import io.cobench.benchmark.data.ArraySplit;
import io.cobench.benchmark.data.FindingBox;
import io.cobench.benchmark.data.DownstreamData;
import io.cobench.benchmark.data.Split;
import io.cobench.benchmark.grid.Downstream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A tiny in-memory dataset whose labels are visible in the pixels: class k brightens a fixed
 * square of the image (its "box"), and segmentation masks are bright rectangles. Subsets are nested
 * prefixes of one seeded permutation of the pool; validation is the last fifth of each subset.
 */
public final class SyntheticData implements DownstreamData {
    private final Downstream dataset;
    private final List<String> classes;
    private final ArraySplit pool;
    private final ArraySplit test;
    private final int size;

    /**
     * @param classes class names; for segmentation a single name
     * @param signal brightness added where a class is present (0 = labels invisible)
     */
    public SyntheticData(Downstream dataset, List<String> classes, int poolSize, int testSize, int size,
                         double signal, long seed) {
        this.dataset = dataset;
        this.classes = List.copyOf(classes);
        this.size = size;
        SplittableRandom r = new SplittableRandom(seed);
        this.pool = make("p", poolSize, r, signal);
        this.test = make("t", testSize, r, signal);
    }

    private ArraySplit make(String prefix, int n, SplittableRandom r, double signal) {
        boolean seg = dataset.task() == Downstream.Task.SEGMENTATION;
        float[] px = new float[n * size * size];
        float[] mk = seg ? new float[n * size * size] : null;
        float[][] labels = seg ? null : new float[n][classes.size()];
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(String.format("%s%05d.png", prefix, i));
            int off = i * size * size;
            for (int k = 0; k < size * size; k++) {
                px[off + k] = (float) (r.nextGaussian() * 0.3);
            }
            if (seg) {
                if (r.nextDouble() < 0.6) {
                    int h = 4 + r.nextInt(size / 3);
                    int w = 4 + r.nextInt(size / 3);
                    int y0 = r.nextInt(size - h);
                    int x0 = r.nextInt(size - w);
                    for (int y = y0; y < y0 + h; y++) {
                        for (int x = x0; x < x0 + w; x++) {
                            mk[off + y * size + x] = 1;
                            px[off + y * size + x] += (float) signal;
                        }
                    }
                }
            } else {
                for (int c = 0; c < classes.size(); c++) {
                    if (classes.get(c).equals("No Finding")) {
                        continue;
                    }
                    if (r.nextDouble() < 0.35) {
                        labels[i][c] = 1;
                        FindingBox b = box(c, "");
                        for (int y = (int) b.y(); y < b.y() + b.h(); y++) {
                            for (int x = (int) b.x(); x < b.x() + b.w(); x++) {
                                px[off + y * size + x] += (float) signal;
                            }
                        }
                    }
                }
                int nf = classes.indexOf("No Finding");
                if (nf >= 0) {
                    boolean any = false;
                    for (int c = 0; c < classes.size(); c++) {
                        any |= c != nf && labels[i][c] > 0;
                    }
                    labels[i][nf] = any ? 0 : 1;
                }
            }
        }
        INDArray images = Nd4j.create(px, new long[] {n, 1, size, size}, DataType.FLOAT);
        INDArray masks = seg ? Nd4j.create(mk, new long[] {n, 1, size, size}, DataType.FLOAT) : null;
        return new ArraySplit(ids, images, labels, masks);
    }

    /** Where class {@code c} draws its square: a 3x3 grid of cells, each a quarter of the image wide. */
    public FindingBox box(int c, String imageId) {
        int q = size / 4;
        int gx = c % 3;
        int gy = (c / 3) % 3;
        return new FindingBox(imageId, classes.get(c), 1 + gx * (q + 2), 1 + gy * (q + 2), q, q);
    }

    private int[] subset(int fraction, long seed) {
        int n = pool.size();
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int k = Math.max(2, (int) Math.round(n * fraction / 100.0));
        return java.util.Arrays.copyOf(perm, k);
    }

    @Override
    public Downstream dataset() {
        return dataset;
    }

    @Override
    public List<String> classes() {
        return classes;
    }

    @Override
    public Split train(int fraction, long seed) {
        int[] s = subset(fraction, seed);
        int nVal = Math.max(1, s.length / 5);
        return pool.subset(java.util.Arrays.copyOf(s, s.length - nVal));
    }

    @Override
    public Split val(int fraction, long seed) {
        int[] s = subset(fraction, seed);
        int nVal = Math.max(1, s.length / 5);
        return pool.subset(java.util.Arrays.copyOfRange(s, s.length - nVal, s.length));
    }

    @Override
    public Split test() {
        return test;
    }

    /** One box per positive finding of every test image. */
    @Override
    public List<FindingBox> boxes() {
        List<FindingBox> out = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            for (int c = 0; c < classes.size(); c++) {
                if (!classes.get(c).equals("No Finding") && test.labels(i)[c] > 0) {
                    out.add(box(c, test.id(i)));
                }
            }
        }
        return out;
    }
}
