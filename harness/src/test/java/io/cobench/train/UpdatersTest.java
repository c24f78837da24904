package io.cobench.train;

import io.cobench.spi.OptimizerConfig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Each updater against values computed by hand. */
class UpdatersTest {

    private static INDArray arr(double... v) {
        return Nd4j.createFromArray(v).castTo(DataType.DOUBLE);
    }

    @Test
    void larsScalesAMatrixStepByTheTrustRatioAndDecaysIt() {
        // w = [[3,4]], |w| = 5; g = [[0.3,0.4]] -> g' = g + 0.1 w = [[0.6,0.8]], |g'| = 1.
        // trust = 0.001 * 5 / 1 = 0.005; v = lr*trust*g' = 0.5*0.005*[0.6,0.8] = [0.0015, 0.002].
        INDArray w = arr(3, 4).reshape(1, 2);
        INDArray g = arr(0.3, 0.4).reshape(1, 2);
        Updater u = Updater.create(new OptimizerConfig("lars", 1, false, 0.1, 0.9, 0.9, 0.999, 1e-8, 0.001, 0, 0, 0), w);
        u.step(w, g, 0.5, 0);
        assertArrayEquals(new double[] {3 - 0.0015, 4 - 0.002}, w.reshape(2).toDoubleVector(), 1e-12);
        // second step, same gradient direction: v = 0.9 v + lr*trust'*g''
        INDArray g2 = arr(0.3, 0.4).reshape(1, 2);
        double[] w1 = w.reshape(2).toDoubleVector();
        double[] gp = {0.3 + 0.1 * w1[0], 0.4 + 0.1 * w1[1]};
        double trust = 0.001 * Math.hypot(w1[0], w1[1]) / Math.hypot(gp[0], gp[1]);
        double[] v = {0.9 * 0.0015 + 0.5 * trust * gp[0], 0.9 * 0.002 + 0.5 * trust * gp[1]};
        u.step(w, g2, 0.5, 1);
        assertArrayEquals(new double[] {w1[0] - v[0], w1[1] - v[1]}, w.reshape(2).toDoubleVector(), 1e-12);
    }

    @Test
    void larsLeavesVectorsWithoutAdaptationOrDecay() {
        INDArray b = arr(1, 2);
        INDArray g = arr(0.5, -1);
        Updater u = Updater.create(new OptimizerConfig("lars", 1, false, 0.1, 0.9, 0.9, 0.999, 1e-8, 0.001, 0, 0, 0), b);
        u.step(b, g, 0.2, 0);
        assertArrayEquals(new double[] {1 - 0.1, 2 + 0.2}, b.toDoubleVector(), 1e-12);
    }

    @Test
    void sgdWithMomentumAndDecayMatchesTorchRule() {
        INDArray w = arr(1.0);
        Updater u = Updater.create(OptimizerConfig.sgd(0.1, 0.9, 0.01), w);
        u.step(w, arr(2.0), 0.1, 0); // v = 2 + 0.01 = 2.01; w = 1 - 0.201
        assertArrayEquals(new double[] {0.799}, w.toDoubleVector(), 1e-12);
        u.step(w, arr(2.0), 0.1, 1); // v = 0.9*2.01 + 2 + 0.00799 = 3.81699; w = 0.799 - 0.381699
        assertArrayEquals(new double[] {0.799 - 0.381699}, w.toDoubleVector(), 1e-12);
    }

    @Test
    void adamWFirstStepMovesByLrTimesSignPlusDecoupledDecay() {
        INDArray w = arr(1.0, -1.0);
        Updater u = Updater.create(OptimizerConfig.adamw(0.01, 0.9, 0.999, 0.1), w);
        u.step(w, arr(0.5, 0.5), 0.01, 0);
        // decay: w *= 1 - 0.001; then m_hat = g, v_hat = g^2 -> step = lr * g/(|g| + eps) ~ lr
        double d = 0.01 * 0.5 / (0.5 + 1e-8);
        assertArrayEquals(new double[] {0.999 - d, -0.999 - d}, w.toDoubleVector(), 1e-12);
    }
}
