package io.cobench.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import java.util.TreeMap;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.junit.jupiter.api.Test;

/**
 * Initial state that is not a plain weight (MoCo queue, PatchGAN kernels) comes from the graph's
 * seeded generator: the same seed gives the same arrays even after other code has drawn from
 * Nd4j's global generator, which is what made two identical `reproduce` runs differ before.
 */
class SeededInitTest {

    private static Map<String, INDArray> build(long seed) {
        SameDiff sd = SameDiff.create();
        GraphContext ctx = GraphContext.create(sd, GraphContext.Mode.TRAIN, seed);
        MocoQueue.create(ctx.scope("queue"), 16, 8);
        PatchGan.create(ctx.scope("disc"), 1, 4);
        // Draws in between must not matter.
        org.nd4j.linalg.factory.Nd4j.rand(3, 3);
        Map<String, INDArray> out = new TreeMap<>();
        for (SDVariable v : sd.variables()) {
            if (v.getArr() != null) {
                out.put(v.name(), v.getArr().dup());
            }
        }
        return out;
    }

    @Test
    void sameSeedSameQueueAndDiscriminator() {
        Map<String, INDArray> a = build(5);
        org.nd4j.linalg.factory.Nd4j.randn(10, 10);
        Map<String, INDArray> b = build(5);
        assertEquals(a.keySet(), b.keySet());
        for (String k : a.keySet()) {
            assertEquals(a.get(k), b.get(k), k);
        }
        Map<String, INDArray> c = build(6);
        assertNotEquals(a.get("queue/keys"), c.get("queue/keys"));
        assertNotEquals(a.get("disc/conv0/W"), c.get("disc/conv0/W"));
        // The queue starts as unit rows.
        INDArray norms = a.get("queue/keys").norm2(1);
        for (int i = 0; i < 16; i++) {
            assertEquals(1.0, norms.getDouble(i), 1e-5);
        }
    }
}
