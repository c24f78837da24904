package io.cobench.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.spi.OptimizerConfig;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Java route of the optimiser arithmetic: the float updaters against values computed by
 * hand (UpdatersTest does the same in double, on ND4J's route), and against ND4J's route over
 * several steps on random arrays.
 */
class FloatLoopsTest {
    private final long defaultMax = FloatLoops.max;

    @AfterEach
    void restore() {
        FloatLoops.max = defaultMax;
    }

    private static INDArray f(double... v) {
        return Nd4j.createFromArray(v).castTo(DataType.FLOAT);
    }

    private static double[] d(INDArray a) {
        return a.reshape(a.length()).toDoubleVector();
    }

    @Test
    void routeTakesPlainFloatsAndLeavesViewsDoublesAndLargeArraysToNd4j() {
        INDArray a = Nd4j.rand(DataType.FLOAT, 4, 6);
        assertTrue(FloatLoops.java(a, a.dup()));
        assertFalse(FloatLoops.java(a, Nd4j.rand(DataType.FLOAT, 4, 5)), "lengths differ");
        assertFalse(FloatLoops.java(a.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 3))), "a view");
        assertFalse(FloatLoops.java(a.castTo(DataType.DOUBLE)), "doubles");
        assertFalse(FloatLoops.java(a, a.dup('f')), "orders differ");
        FloatLoops.max = 23;
        assertFalse(FloatLoops.java(a), "24 elements over a limit of 23");
    }

    @Test
    void writesThroughToTheArraysOwnMemory() {
        INDArray a = f(1, 2, 3);
        FloatLoops.floats(a).put(1, 7f);
        assertArrayEquals(new double[] {1, 7, 3}, d(a), 0);
        assertEquals(1 + 49 + 9, FloatLoops.sumSquares(a), 0);
        FloatLoops.scale(a, 0.5);
        assertArrayEquals(new double[] {0.5, 3.5, 1.5}, d(a), 0);
    }

    @Test
    void blendMixesInPlaceLikeRunningStatistics() {
        INDArray run = f(1, 2);
        FloatLoops.blend(run, 0.9, f(11, -8), 0.1);
        assertArrayEquals(new double[] {0.9 + 1.1, 1.8 - 0.8}, d(run), 1e-6);
    }

    @Test
    void sgdLarsAndAdamWInFloatMatchHandValues() {
        // the cases of UpdatersTest, in float
        INDArray w = f(1.0);
        Updater sgd = Updater.create(OptimizerConfig.sgd(0.1, 0.9, 0.01), w);
        sgd.step(w, f(2.0), 0.1, 0);
        assertArrayEquals(new double[] {0.799}, d(w), 1e-6);
        sgd.step(w, f(2.0), 0.1, 1);
        assertArrayEquals(new double[] {0.799 - 0.381699}, d(w), 1e-6);

        INDArray m = f(3, 4).reshape(1, 2);
        Updater lars = Updater.create(new OptimizerConfig("lars", 1, false, 0.1, 0.9, 0.9, 0.999, 1e-8, 0.001, 0, 0, 0), m);
        lars.step(m, f(0.3, 0.4).reshape(1, 2), 0.5, 0);
        assertArrayEquals(new double[] {3 - 0.0015, 4 - 0.002}, d(m), 1e-6);

        INDArray b = f(1, 2);
        Updater vec = Updater.create(new OptimizerConfig("lars", 1, false, 0.1, 0.9, 0.9, 0.999, 1e-8, 0.001, 0, 0, 0), b);
        vec.step(b, f(0.5, -1), 0.2, 0);
        assertArrayEquals(new double[] {1 - 0.1, 2 + 0.2}, d(b), 1e-6);

        INDArray a = f(1.0, -1.0);
        Updater adam = Updater.create(OptimizerConfig.adamw(0.01, 0.9, 0.999, 0.1), a);
        adam.step(a, f(0.5, 0.5), 0.01, 0);
        double step = 0.01 * 0.5 / (0.5 + 1e-8);
        assertArrayEquals(new double[] {0.999 - step, -0.999 - step}, d(a), 1e-6);
    }

    @Test
    void javaRouteFollowsNd4jRouteOverStepsForEveryOptimizer() {
        List<OptimizerConfig> cfgs = List.of(OptimizerConfig.sgd(0.1, 0.9, 5e-4),
                new OptimizerConfig("lars", 1, false, 1e-4, 0.9, 0.9, 0.999, 1e-8, 0.001, 0, 0, 0),
                OptimizerConfig.adamw(0.01, 0.9, 0.999, 0.05));
        for (OptimizerConfig cfg : cfgs) {
            for (long[] shape : List.of(new long[] {16, 8, 3, 3}, new long[] {24})) {
                Nd4j.getRandom().setSeed(7);
                INDArray start = Nd4j.randn(DataType.FLOAT, shape);
                INDArray[] grads = new INDArray[5];
                for (int i = 0; i < grads.length; i++) {
                    grads[i] = Nd4j.randn(DataType.FLOAT, shape);
                }
                INDArray viaJava = run(cfg, start, grads, defaultMax);
                INDArray viaNd4j = run(cfg, start, grads, 0);
                double[] j = d(viaJava);
                double[] n = d(viaNd4j);
                double moved = 0;
                for (int i = 0; i < j.length; i++) {
                    assertEquals(n[i], j[i], 2e-6 * Math.max(1, Math.abs(n[i])), cfg.type() + " element " + i);
                    moved = Math.max(moved, Math.abs(j[i] - start.getDouble(i)));
                }
                assertTrue(moved > 1e-4, cfg.type() + " moved the weights by " + moved);
            }
        }
    }

    private static INDArray run(OptimizerConfig cfg, INDArray start, INDArray[] grads, long max) {
        FloatLoops.max = max;
        INDArray w = start.dup();
        Updater u = Updater.create(cfg, w);
        assertEquals(max > 0, FloatLoops.java(w, grads[0], u.state().values().iterator().next()));
        for (int i = 0; i < grads.length; i++) {
            u.step(w, grads[i].dup(), 0.05, i);
        }
        return w;
    }
}
