package io.cobench.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The PatchGAN discriminator and its instance norm. */
class PatchGanTest {

    @Test
    void instanceNormStandardisesEachPlaneOfEachSample() {
        SameDiff sd = SameDiff.create();
        GraphContext ctx = GraphContext.create(sd, GraphContext.Mode.TRAIN, 1);
        // Sample 0 channel 0 is 1,2,3,4 (mean 2.5, variance 1.25); channel 1 is constant 7.
        float[] v = {1, 2, 3, 4, 7, 7, 7, 7, 0, 0, 2, 2, -1, 1, -1, 1};
        SDVariable x = sd.constant("x", Nd4j.createFromArray(v).reshape(2, 2, 2, 2));
        INDArray y = PatchGan.instanceNorm(ctx, "in", x).eval();
        double s = Math.sqrt(1.25 + PatchGan.IN_EPS);
        assertEquals(-1.5 / s, y.getDouble(0, 0, 0, 0), 1e-6);
        assertEquals(1.5 / s, y.getDouble(0, 0, 1, 1), 1e-6);
        assertEquals(0.0, y.getDouble(0, 1, 0, 1), 1e-6);
        double s1 = Math.sqrt(1.0 + PatchGan.IN_EPS);
        assertEquals(-1 / s1, y.getDouble(1, 0, 0, 0), 1e-6);
        assertEquals(1 / s1, y.getDouble(1, 1, 0, 1), 1e-6);
    }

    @Test
    void discriminatorHasCorrectGradients() {
        // 16 px so that instance norm still sees 2x2 planes after three stride-2 convolutions.
        assertTrue(io.cobench.testing.GradChecks.check(21, Nd4j.randn(DataType.DOUBLE, 2, 1, 16, 16), java.util.Set.of(), 2, (ctx, x) ->
                PatchGan.create(ctx.scope("disc"), 1, 1).apply("d", x, false)));
    }

    @Test
    void scoresOnePatchPerEightPixelsAndNamesItsWeights() {
        SameDiff sd = SameDiff.create();
        GraphContext ctx = GraphContext.create(sd, GraphContext.Mode.TRAIN, 2);
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, 1, 32, 32);
        SDVariable out = PatchGan.create(ctx.scope("disc"), 1, 4).apply("real", x, false);
        INDArray r = sd.output(Map.of("x", Nd4j.rand(DataType.FLOAT, 3, 1, 32, 32)), out.name()).get(out.name());
        assertArrayEquals(new long[] {3, 1, 4, 4}, r.shape());
        assertArrayEquals(new long[] {3, 3, 1, 4}, sd.getArrForVarName("disc/conv0/W").shape());
        assertArrayEquals(new long[] {3, 3, 16, 32}, sd.getArrForVarName("disc/conv3/W").shape());
        assertArrayEquals(new long[] {3, 3, 32, 1}, sd.getArrForVarName("disc/conv4/W").shape());
        assertEquals(PatchGan.INIT_STD, sd.getArrForVarName("disc/conv3/W").stdNumber().doubleValue(), 0.004);
    }

    @Test
    void frozenApplicationPassesGradientToTheInputButNotTheWeights() {
        SameDiff sd = SameDiff.create();
        GraphContext ctx = GraphContext.create(sd, GraphContext.Mode.TRAIN, 3);
        SDVariable x = sd.var("x", Nd4j.rand(DataType.FLOAT, 2, 1, 16, 16));
        PatchGan d = PatchGan.create(ctx.scope("disc"), 1, 2);
        SDVariable e = d.apply("frozen", x, true).sub(1.0);
        e.mul(e).mean().rename("loss");
        sd.setLossVariables("loss");
        List<String> wanted = new ArrayList<>(List.of("x"));
        for (int i = 0; i < 5; i++) {
            wanted.add("disc/conv" + i + "/W");
            wanted.add("disc/conv" + i + "/b");
        }
        Map<String, INDArray> g = sd.calculateGradients(Map.of(), wanted);
        assertNotNull(g.get("x"));
        assertTrue(g.get("x").norm2Number().doubleValue() > 0);
        for (String w : wanted.subList(1, wanted.size())) {
            INDArray gw = g.get(w);
            assertTrue(gw == null || gw.norm2Number().doubleValue() == 0.0, w + " got gradient " + gw);
        }
    }
}
