package io.cobench.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.testing.GradChecks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Batch norm over sub-batches (GraphContext.withBnGroups), MoCo's per-GPU key BN on one device. */
class GroupedBatchNormTest {

    @Test
    void eachSubBatchIsNormalisedWithItsOwnStatistics() {
        SameDiff sd = SameDiff.create();
        GraphContext ctx = GraphContext.create(sd, GraphContext.Mode.TRAIN, 1).withBnGroups(2);
        // One channel, batch 4: groups {1, 3} (mean 2, var 1) and {10, 14} (mean 12, var 4).
        SDVariable x = sd.constant("x", Nd4j.createFromArray(new float[] {1, 3, 10, 14}).reshape(4, 1));
        SDVariable y = Layers.batchNorm1d(ctx, "bn", x, 1);
        float[] got = y.eval().reshape(4).toFloatVector();
        double e = Layers.BN_EPS;
        float[] want = {(float) (-1 / Math.sqrt(1 + e)), (float) (1 / Math.sqrt(1 + e)),
            (float) (-2 / Math.sqrt(4 + e)), (float) (2 / Math.sqrt(4 + e))};
        assertArrayEquals(want, got, 1e-6f);
        // Running statistics get the mean of the groups' statistics: mean (2 + 12) / 2, var (1 + 4) / 2.
        GraphContext.BnLayer bn = ctx.bnLayers().get(0);
        Map<String, INDArray> out = sd.output(Map.of(), bn.batchMean().name(), bn.batchVar().name());
        assertEquals(7.0, out.get(bn.batchMean().name()).getDouble(0), 1e-6);
        assertEquals(2.5, out.get(bn.batchVar().name()).getDouble(0), 1e-6);
    }

    @Test
    void convolutionMapsOfAGroupDoNotSeeTheOtherGroup() {
        Nd4j.getRandom().setSeed(5);
        INDArray in = Nd4j.rand(DataType.FLOAT, 4, 3, 2, 2);
        INDArray a = normalise(in, 2);
        INDArray changed = in.dup();
        changed.get(org.nd4j.linalg.indexing.NDArrayIndex.point(3)).muli(7).addi(2);
        INDArray b = normalise(changed, 2);
        // Samples 0 and 1 (group 0) are unchanged by a change to sample 3 (group 1) ...
        assertEquals(a.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 2)),
                b.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 2)));
        // ... and with one group (ordinary BN) they are not.
        INDArray whole = normalise(in, 1).get(org.nd4j.linalg.indexing.NDArrayIndex.point(0));
        INDArray wholeChanged = normalise(changed, 1).get(org.nd4j.linalg.indexing.NDArrayIndex.point(0));
        assertTrue(whole.sub(wholeChanged).amaxNumber().doubleValue() > 1e-3);
        // Each group is normalised per channel: its mean over (sample, h, w) is 0.
        INDArray g0 = a.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 2));
        assertTrue(g0.mean(0, 2, 3).amaxNumber().doubleValue() < 1e-5, g0.mean(0, 2, 3).toString());
    }

    private static INDArray normalise(INDArray in, int groups) {
        SameDiff sd = SameDiff.create();
        GraphContext ctx = GraphContext.create(sd, GraphContext.Mode.TRAIN, 1).withBnGroups(groups);
        SDVariable y = Layers.batchNorm2d(ctx, "bn", sd.constant("x", in), (int) in.size(1));
        return y.eval().dup();
    }

    @Test
    void gradientsPassFiniteDifferenceChecks() {
        assertTrue(GradChecks.check(2, Nd4j.randn(DataType.DOUBLE, 4, 2, 3, 3),
                (ctx, x) -> Layers.batchNorm2d(ctx.withBnGroups(2), "bn", x, 2)));
        assertTrue(GradChecks.check(4, Nd4j.randn(DataType.DOUBLE, 6, 3),
                (ctx, x) -> Layers.batchNorm1d(ctx.withBnGroups(3), "bn", x, 3)));
    }

    @Test
    void groupsPropagateToChildScopesAndEvalModeIgnoresThem() {
        SameDiff sd = SameDiff.create();
        GraphContext ctx = GraphContext.create(sd, GraphContext.Mode.TRAIN, 1).withBnGroups(4);
        assertEquals(4, ctx.scope("key").scope("encoder").bnGroups());
        assertEquals(1, GraphContext.create(sd, GraphContext.Mode.TRAIN, 1).bnGroups());
        assertThrows(IllegalArgumentException.class, () -> ctx.withBnGroups(0));
        // Eval mode normalises with the running statistics (0 and 1 at creation): y = x / sqrt(1 + eps).
        SameDiff sd2 = SameDiff.create();
        GraphContext ev = GraphContext.create(sd2, GraphContext.Mode.EVAL, 1).withBnGroups(2);
        SDVariable y = Layers.batchNorm1d(ev, "bn", sd2.constant("x", Nd4j.createFromArray(new float[] {2, 4}).reshape(2, 1)), 1);
        assertArrayEquals(new float[] {(float) (2 / Math.sqrt(1 + Layers.BN_EPS)), (float) (4 / Math.sqrt(1 + Layers.BN_EPS))},
                y.eval().reshape(2).toFloatVector(), 1e-6f);
        assertEquals(List.of(), ev.bnLayers());
    }
}
