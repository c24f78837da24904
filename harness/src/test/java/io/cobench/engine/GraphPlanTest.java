package io.cobench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The steps a replay skips: batch norm's pattern (statistics from a gradient-stopped copy, whose
 * backward is a zero fill added to the other branch's gradient) in a graph small enough to
 * differentiate by hand.
 */
class GraphPlanTest {

    /** loss = sum((x w - mean_rows(stop(x w)))^2), so dloss/dw = 2 x^T (x w - mean), the mean held fixed. */
    private static SameDiff graph() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, 4, 3);
        SDVariable w = sd.var("w", Nd4j.createFromArray(new float[][] {{1, 0, 2}, {0, 1, -1}, {3, 1, 0}}));
        SDVariable y = x.mmul(w);
        SDVariable mean = new StopGradient(sd, y).outputVariable().mean(true, 0);
        SDVariable d = y.sub(mean);
        d.mul(d).sum().rename("loss");
        sd.setLossVariables("loss");
        return sd;
    }

    private static INDArray input(int seed) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.randn(DataType.FLOAT, 4, 3);
    }

    private static INDArray handGradient(INDArray x, INDArray w) {
        INDArray y = x.mmul(w);
        return x.transpose().mmul(y.subRowVector(y.mean(0))).muli(2);
    }

    @Test
    void replaySkipsTheStoppedCopyTheZeroFillAndTheZeroAdditionAndComputesTheSameGradient() {
        RecyclingSession.install();
        SameDiff sd = graph();
        INDArray w = sd.getArrForVarName("w").dup();
        GraphPlan.Recorded r = GraphPlan.record(sd, Map.of("x", input(1)), List.of("loss"), List.of("w"));
        GraphPlan plan = r.plan();
        assertNotNull(plan, "not plannable: " + r.whyNot());
        assertEquals(plan.recordedOps() - 3, plan.replayedOps(),
                "skipped: stop_gradient, zeroslike and the addition of its zeros; replayed " + plan.replayedOpNames());
        for (int seed = 2; seed < 5; seed++) {
            INDArray x = input(seed);
            OutAndGrad og = plan.replay(Map.of("x", x));
            assertNotNull(og);
            INDArray want = handGradient(x, w);
            INDArray got = og.getGradients().get("w");
            assertTrue(want.equalsWithEps(got, 1e-4), "seed " + seed + ": " + got + " against " + want);
            INDArray y = x.mmul(w);
            double loss = y.subRowVector(y.mean(0)).norm2Number().doubleValue();
            assertEquals(loss * loss, og.getOutputs().get("loss").getDouble(0), 1e-4 * loss * loss);
        }
    }
}
