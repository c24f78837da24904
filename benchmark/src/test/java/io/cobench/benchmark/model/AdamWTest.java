package io.cobench.benchmark.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class AdamWTest {
    @Test
    void twoStepsMatchHandComputedPyTorchAdamW() {
        INDArray p = Nd4j.createFromArray(1.0, -2.0).castTo(DataType.DOUBLE);
        AdamW opt = new AdamW(0.9, 0.999, 1e-8, 0.1);
        Map<String, INDArray> params = Map.of("p", p);
        opt.step(params, Map.of("p", Nd4j.createFromArray(0.5, -1.0)), 0.01);
        // Step 1: decay p *= 1 - 0.01*0.1; m_hat = g, v_hat = g^2, so p -= 0.01 * g/|g|.
        double a = 1.0 * 0.999 - 0.01 * 0.5 / (0.5 + 1e-8);
        double b = -2.0 * 0.999 + 0.01 * 1.0 / (1.0 + 1e-8);
        assertEquals(a, p.getDouble(0), 1e-12);
        assertEquals(b, p.getDouble(1), 1e-12);
        opt.step(params, Map.of("p", Nd4j.createFromArray(-0.5, 3.0)), 0.01);
        // Step 2 for the first entry: m = 0.9*0.05*... written out.
        double m1 = 0.1 * 0.5;
        double v1 = 0.001 * 0.25;
        double m2 = 0.9 * m1 + 0.1 * -0.5;
        double v2 = 0.999 * v1 + 0.001 * 0.25;
        double mh = m2 / (1 - 0.81);
        double vh = v2 / (1 - 0.999 * 0.999);
        double a2 = a * 0.999 - 0.01 * mh / (Math.sqrt(vh) + 1e-8);
        assertEquals(a2, p.getDouble(0), 1e-12);
    }

    @Test
    void clippingScalesToTheGlobalNorm() {
        Map<String, INDArray> g = new HashMap<>();
        g.put("a", Nd4j.createFromArray(3.0, 0.0));
        g.put("b", Nd4j.createFromArray(4.0));
        assertEquals(5.0, AdamW.clipGlobalNorm(g, 1.0), 1e-12);
        assertEquals(0.6, g.get("a").getDouble(0), 1e-6);
        assertEquals(0.8, g.get("b").getDouble(0), 1e-6);
        // Below the limit nothing changes.
        assertEquals(1.0, AdamW.clipGlobalNorm(g, 2.0), 1e-6);
        assertEquals(0.6, g.get("a").getDouble(0), 1e-6);
    }
}
