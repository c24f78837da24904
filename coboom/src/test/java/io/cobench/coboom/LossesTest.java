package io.cobench.coboom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.testing.GradChecks;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class LossesTest {

    @Test
    void regressionLossIsTwoMinusTwiceTheMeanCosine() {
        SameDiff sd = SameDiff.create();
        var a = sd.constant(Nd4j.create(new double[][] {{3, 0}, {0, 2}}));
        var b = sd.constant(Nd4j.create(new double[][] {{1, 0}, {5, 5}}));
        // cosines 1 and 1/sqrt(2)
        double expected = 2 - (1 + 1 / Math.sqrt(2));
        assertEquals(expected, Losses.regression(sd, "d", a, b).eval().getDouble(0), 1e-6);
    }

    @Test
    void mseIsTheMeanSquaredDifference() {
        SameDiff sd = SameDiff.create();
        var a = sd.constant(Nd4j.create(new double[] {1, 2, 3, 4}));
        var b = sd.constant(Nd4j.create(new double[] {1, 0, 3, 7}));
        assertEquals((4 + 9) / 4.0, Losses.mse(sd, "m", a, b).eval().getDouble(0), 1e-9);
    }

    @Test
    void regressionLossPassesGradientCheck() {
        assertTrue(GradChecks.check(41, Nd4j.randn(DataType.DOUBLE, 2, 3), (ctx, x) ->
                Losses.regression(ctx.sd(), "d", x, ctx.var("b", Nd4j.randn(DataType.DOUBLE, 2, 3))).reshape(1)));
    }
}
