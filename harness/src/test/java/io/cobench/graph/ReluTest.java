package io.cobench.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.testing.GradChecks;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ReluTest {

    @Test
    void forwardAndBackwardAreExactlyReluAndItsMask() {
        SameDiff sd = SameDiff.create();
        GraphContext ctx = GraphContext.create(sd, GraphContext.Mode.TRAIN, 1);
        INDArray xv = Nd4j.createFromArray(new float[] {-2f, -0.5f, 0f, 0.25f, 3f, -1f}).reshape(2, 3);
        INDArray wv = Nd4j.createFromArray(new float[] {1f, 2f, 3f, 4f, 5f, 6f}).reshape(2, 3);
        SDVariable x = sd.var("x", xv);
        SDVariable y = Layers.relu(ctx, "r", x);
        y.mul(sd.constant("w", wv)).sum().rename("loss");
        sd.setLossVariables("loss");
        assertEquals("r", y.name());
        Map<String, INDArray> g = sd.calculateGradients(Map.of(), "x");
        assertEquals(Nd4j.createFromArray(new float[] {0f, 0f, 0f, 0.25f, 3f, 0f}).reshape(2, 3), y.eval());
        // d(sum(relu(x) * w))/dx = w where x > 0; relu_bp gives 0 at x = 0, as PyTorch does
        assertEquals(Nd4j.createFromArray(new float[] {0f, 0f, 0f, 4f, 5f, 0f}).reshape(2, 3), g.get("x"));
    }

    @Test
    void passesTheDoublePrecisionGradientCheck() {
        INDArray in = Nd4j.randn(DataType.DOUBLE, 3, 4, 5).addi(0.05); // away from the kink at 0
        assertTrue(GradChecks.check(5, in, (ctx, x) -> Layers.relu(ctx, "r", x.mul(1.5))));
    }

    @Test
    void stemPoolingPassesTheGradientCheck() {
        // max pooling runs on libnd4j's kernel rather than oneDNN's (KernelChoice)
        assertTrue(GradChecks.check(6, Nd4j.rand(DataType.DOUBLE, 2, 2, 6, 6), (ctx, x) ->
                Layers.maxPool(ctx, "pool", x, 3, 2, 1)));
    }
}
