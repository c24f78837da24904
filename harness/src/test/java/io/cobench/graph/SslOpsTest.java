package io.cobench.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.testing.GradChecks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class SslOpsTest {

    @ParameterizedTest
    @EnumSource(SslOps.RowNorm.class)
    void regressionLossIsTwoMinusTwiceTheMeanCosine(SslOps.RowNorm norm) {
        SameDiff sd = SameDiff.create();
        var a = sd.constant(Nd4j.create(new double[][] {{3, 0}, {0, 2}}));
        var b = sd.constant(Nd4j.create(new double[][] {{1, 0}, {5, 5}}));
        // cosines 1 and 1/sqrt(2)
        double expected = 2 - (1 + 1 / Math.sqrt(2));
        assertEquals(expected, SslOps.regression(sd, "d", a, b, norm).eval().getDouble(0), 1e-6);
    }

    @ParameterizedTest
    @EnumSource(SslOps.RowNorm.class)
    void unitRowsHaveNormOneAndZeroRowsStayZero(SslOps.RowNorm norm) {
        SameDiff sd = SameDiff.create();
        var x = sd.constant(Nd4j.create(new double[][] {{3, 4}, {0, 0}}));
        double[][] r = norm.apply(sd, x).eval().toDoubleMatrix();
        assertEquals(0.6, r[0][0], 1e-9);
        assertEquals(0.8, r[0][1], 1e-9);
        assertEquals(0.0, r[1][0]);
        assertEquals(0.0, r[1][1]);
    }

    @Test
    void mseIsTheMeanSquaredDifference() {
        SameDiff sd = SameDiff.create();
        var a = sd.constant(Nd4j.create(new double[] {1, 2, 3, 4}));
        var b = sd.constant(Nd4j.create(new double[] {1, 0, 3, 7}));
        assertEquals((4 + 9) / 4.0, SslOps.mse(sd, "m", a, b).eval().getDouble(0), 1e-9);
        assertEquals((0 + 1 + 4 + 9) / 4.0, SslOps.mseToConstant(sd, "c", a, 1.0).eval().getDouble(0), 1e-9);
    }

    @Test
    void batchConstantsFollowThePlaceholdersBatch() {
        SameDiff sd = SameDiff.create();
        var images = sd.placeHolder("x", DataType.FLOAT, -1, 1, 2, 2);
        var count = SslOps.batchCount(sd, images);
        var out = sd.output(java.util.Map.of("x", Nd4j.ones(DataType.FLOAT, 5, 1, 2, 2)), count.name());
        assertEquals(5.0, out.get(count.name()).getDouble(0), 0.0);
    }

    @ParameterizedTest
    @EnumSource(SslOps.RowNorm.class)
    void regressionLossPassesGradientCheck(SslOps.RowNorm norm) {
        assertTrue(GradChecks.check(41, Nd4j.randn(DataType.DOUBLE, 2, 3), (ctx, x) ->
                SslOps.regression(ctx.sd(), "d", x, ctx.var("b", Nd4j.randn(DataType.DOUBLE, 2, 3)), norm).reshape(1)));
    }

    @Test
    void stopGradientPassesValuesAndBlocksGradients() {
        // d/dx sum(x * sg(x)) = x; without the stop it would be 2x.
        SameDiff sd = SameDiff.create();
        var x = sd.var("x", Nd4j.create(new double[] {1.5, -2.0, 3.0}));
        var loss = x.mul(SslOps.stopGradient(sd, x)).sum("loss");
        sd.setLossVariables(loss.name());
        var grads = sd.calculateGradients(java.util.Map.of(), "x");
        assertEquals(1.5, grads.get("x").getDouble(0), 1e-12);
        assertEquals(-2.0, grads.get("x").getDouble(1), 1e-12);
        assertEquals(3.0, grads.get("x").getDouble(2), 1e-12);
        assertEquals(1.5 * 1.5 + 4 + 9, loss.eval().getDouble(0), 1e-12);
    }
}
