package io.cobench.benchmark.model;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Random left-right flips of downstream training batches, as the official CoBooM fine-tuning
 * notebooks apply (torchvision RandomHorizontalFlip). The draw depends only on the cell's batch
 * seed and the step, so a rerun flips the same images.
 */
public final class Flips {
    private Flips() {
    }

    /** Which of {@code n} rows to flip at {@code step}, each with probability {@code p}. */
    public static boolean[] draw(int n, double p, long seed, int step) {
        SplittableRandom rng = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (step + 1L)));
        boolean[] which = new boolean[n];
        for (int i = 0; i < n; i++) {
            which[i] = rng.nextDouble() < p;
        }
        return which;
    }

    /**
     * A copy of the NCHW batch {@code x} with the rows marked in {@code which} mirrored along
     * the width axis.
     */
    public static INDArray horizontal(INDArray x, boolean[] which) {
        if (x.rank() != 4 || x.size(0) != which.length) {
            throw new IllegalArgumentException("flip needs an NCHW batch of " + which.length + " rows, got shape "
                    + java.util.Arrays.toString(x.shape()));
        }
        long[] shape = x.shape();
        int w = (int) shape[3];
        int perRow = (int) (shape[1] * shape[2] * shape[3]);
        float[] v = x.dup('c').data().asFloat();
        for (int r = 0; r < which.length; r++) {
            if (!which[r]) {
                continue;
            }
            for (int line = r * perRow; line < (r + 1) * perRow; line += w) {
                for (int a = line, b = line + w - 1; a < b; a++, b--) {
                    float t = v[a];
                    v[a] = v[b];
                    v[b] = t;
                }
            }
        }
        return Nd4j.create(v, shape, 'c').castTo(x.dataType());
    }
}
