package io.cobench.benchmark.protocol;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.benchmark.grid.TrainSpec;
import io.cobench.benchmark.metrics.ReportsMetrics;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The probe honours eval.linear.clipNorm, as the official notebook's clip_grad_norm_. */
class LinearProbeClipTest {

    @Test
    void aClipFarBelowAdamsEpsilonStopsLearningWhileNoClipLearns() {
        // Separable data: label = feature 0 > 0.
        SplittableRandom r = new SplittableRandom(1);
        int n = 64;
        float[][] xs = new float[n][4];
        float[][] y = new float[n][1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4; j++) {
                xs[i][j] = (float) (2 * r.nextDouble() - 1);
            }
            y[i][0] = xs[i][0] > 0 ? 1 : 0;
        }
        INDArray x = Nd4j.createFromArray(xs);
        TrainSpec free = new TrainSpec(0.1, 16, 20, 0, 0, 0.0, "constant", 1, 0.0);
        TrainSpec clipped = new TrainSpec(0.1, 16, 20, 0, 0, 1e-14, "constant", 1, 0.0);
        TrainSpec still = new TrainSpec(1e-30, 16, 20, 0, 0, 0.0, "constant", 1, 0.0);
        LinearProbe.Result a = LinearProbe.train(x, y, x, y, List.of("c"), free, 3, new ReportsMetrics());
        LinearProbe.Result b = LinearProbe.train(x, y, x, y, List.of("c"), clipped, 3, new ReportsMetrics());
        LinearProbe.Result init = LinearProbe.train(x, y, x, y, List.of("c"), still, 3, new ReportsMetrics());
        // Same seed, same initial head; lr 1e-30 leaves it where it started.
        double moved = a.head().w().sub(init.head().w()).norm2Number().doubleValue();
        assertTrue(moved > 0.1, "without a clip the head learns: moved " + moved);
        // Gradients of norm 1e-14 against Adam's eps 1e-8: each step moves a weight by about lr * 1e-6.
        double clippedMove = b.head().w().sub(init.head().w()).norm2Number().doubleValue();
        assertTrue(clippedMove < 1e-4, "the clip held the head in place: moved " + clippedMove);
    }
}
