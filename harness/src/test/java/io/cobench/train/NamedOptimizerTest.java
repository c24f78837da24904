package io.cobench.train;

import io.cobench.spi.OptimizerConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class NamedOptimizerTest {
    private static INDArray arr(double... v) {
        return Nd4j.createFromArray(v).castTo(DataType.DOUBLE);
    }

    @Test
    void adamWTwoStepsMatchHandComputedPyTorchAdamW() {
        INDArray p = arr(1.0, -2.0);
        NamedOptimizer opt = new NamedOptimizer(OptimizerConfig.adamw(0.01, 0.9, 0.999, 0.1));
        Map<String, INDArray> params = Map.of("p", p);
        opt.step(params, new HashMap<>(Map.of("p", arr(0.5, -1.0))), 0.01, 0);
        // Step 1: decay p *= 1 - 0.01*0.1; m_hat = g, v_hat = g^2, so p -= 0.01 * g/|g|.
        double a = 1.0 * 0.999 - 0.01 * 0.5 / (0.5 + 1e-8);
        double b = -2.0 * 0.999 + 0.01 * 1.0 / (1.0 + 1e-8);
        assertEquals(a, p.getDouble(0), 1e-12);
        assertEquals(b, p.getDouble(1), 1e-12);
        opt.step(params, new HashMap<>(Map.of("p", arr(-0.5, 3.0))), 0.01, 1);
        double m2 = 0.9 * (0.1 * 0.5) + 0.1 * -0.5;
        double v2 = 0.999 * (0.001 * 0.25) + 0.001 * 0.25;
        double mh = m2 / (1 - 0.81);
        double vh = v2 / (1 - 0.999 * 0.999);
        assertEquals(a * 0.999 - 0.01 * mh / (Math.sqrt(vh) + 1e-8), p.getDouble(0), 1e-12);
    }

    @Test
    void clipsTheGlobalNormAsClipGradNormDoes() {
        INDArray p = arr(0.0, 0.0);
        INDArray q = arr(0.0);
        // Plain SGD without momentum: the step is exactly -lr * clipped gradient.
        NamedOptimizer opt = new NamedOptimizer(OptimizerConfig.sgd(1.0, 0.0, 0.0).withClip(1.0));
        Map<String, INDArray> grads = new HashMap<>(Map.of("p", arr(3.0, 0.0), "q", arr(4.0)));
        assertEquals(5.0, opt.step(Map.of("p", p, "q", q), grads, 1.0, 0), 1e-12);
        double f = 1.0 / (5.0 + 1e-6);
        assertEquals(-3.0 * f, p.getDouble(0), 1e-12);
        assertEquals(-4.0 * f, q.getDouble(0), 1e-12);
        // Below the limit nothing is scaled.
        assertEquals(1.0, GradientClip.factor(0.5, 1.0));
        assertEquals(1.0, GradientClip.factor(7.0, 0.0));
        assertEquals(0.5, GradientClip.globalNorm(List.of(arr(0.3), arr(0.4))), 1e-12);
    }

    @Test
    void aMissingGradientIsABug() {
        NamedOptimizer opt = new NamedOptimizer(OptimizerConfig.sgd(1.0, 0.0, 0.0));
        assertThrows(IllegalStateException.class,
                () -> opt.step(Map.of("p", arr(1.0)), new HashMap<>(), 0.1, 0));
    }
}
