package io.cobench.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.graph.Layers;
import io.cobench.testing.GradChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ConvBackwardTest {

    /**
     * Float32 against libnd4j's own conv2d_bp on oneDNN. The shapes cover each path of the
     * composition: stride 1; stride 2 where the transposed convolution lands on the input size
     * (7 px), where the input window is cut from an unpadded one (8 px, and the 7x7 stem), where
     * the last row gets no gradient (1x1 stride 2), and the 2x2 and 1x1 maps the rule picks.
     */
    @ParameterizedTest
    @CsvSource({
            "4, 3, 8, 5, 3, 1, 1",
            "4, 3, 8, 5, 3, 2, 1",
            "4, 3, 7, 5, 3, 2, 1",
            "4, 2, 8, 3, 1, 2, 0",
            "3, 2, 16, 4, 7, 2, 3",
            "5, 6, 2, 6, 3, 1, 1",
            "5, 6, 1, 7, 3, 1, 1"})
    void equalsNativeBackwardInFloat32(int n, int cin, int h, int cout, int k, int s, int p) {
        Nd4j.getRandom().setSeed(7);
        INDArray x = Nd4j.randn(DataType.FLOAT, n, cin, h, h);
        INDArray w = Nd4j.randn(DataType.FLOAT, k, k, cin, cout);
        long oh = (h + 2L * p - k) / s + 1;
        INDArray dy = Nd4j.randn(DataType.FLOAT, n, cout, oh, oh);
        long[] i = {k, k, s, s, p, p, 1, 1, 0, 0};
        INDArray gi = Nd4j.create(DataType.FLOAT, x.shape());
        INDArray gw = Nd4j.create(DataType.FLOAT, w.shape());
        ConvBackward.nativeBackward(x, w, dy, i, gi, gw, true);
        // NaN in the outputs: every element must be written by the composition
        INDArray ci = Nd4j.valueArrayOf(x.shape(), Float.NaN, DataType.FLOAT);
        INDArray cw = Nd4j.valueArrayOf(w.shape(), Float.NaN, DataType.FLOAT);
        ConvBackward.run(x, w, dy, i, ci, cw, true);
        assertClose(gi, ci, "input gradient");
        assertClose(gw, cw, "weight gradient");
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what);
        double scale = expected.amaxNumber().doubleValue();
        double diff = expected.sub(actual).amaxNumber().doubleValue();
        // summation order differs between the kernels; float32 rounding, relative to the largest value
        assertTrue(diff <= 2e-6 * scale, what + ": max difference " + diff + " against max " + scale);
    }


    /** Finite differences in double precision, with every convolution backward sent down the composed route. */
    @ParameterizedTest
    @CsvSource({"3, 1, 1, 5", "3, 2, 1, 6", "1, 2, 0, 6", "3, 1, 1, 2"})
    void composedRouteHasCorrectGradients(int k, int s, int p, int h) {
        RecyclingSession.install();
        ConvBackward.Route saved = ConvBackward.route();
        ConvBackward.route(ConvBackward.Route.COMPOSED);
        try {
            long before = ConvBackward.calls();
            assertTrue(GradChecks.check(11, Nd4j.randn(DataType.DOUBLE, 2, 2, h, h), (ctx, x) ->
                    Layers.conv2d(ctx, "conv", x, 2, 3, k, s, p)));
            assertTrue(ConvBackward.calls() > before, "the gradient check did not run the composed route");
        } finally {
            ConvBackward.route(saved);
        }
    }

    @Test
    void ruleTakesStrideOneOnSmallMapsOnly() {
        long[] s1 = {3, 3, 1, 1, 1, 1, 1, 1, 0, 0};
        long[] s2 = {3, 3, 2, 2, 1, 1, 1, 1, 0, 0};
        assertTrue(ConvBackward.faster(new long[] {64, 512, 2, 2}, new long[] {64, 512, 2, 2}, s1));
        assertTrue(ConvBackward.faster(new long[] {64, 64, 1, 1}, new long[] {64, 64, 1, 1}, s1));
        assertFalse(ConvBackward.faster(new long[] {64, 256, 4, 4}, new long[] {64, 256, 4, 4}, s1));
        assertFalse(ConvBackward.faster(new long[] {64, 256, 2, 2}, new long[] {64, 512, 1, 1}, s2));
    }

    @Test
    void appliesOnlyToWhatItComputes() {
        long[] ok = {3, 3, 1, 1, 1, 1, 1, 1, 0, 0};
        assertTrue(ConvBackward.applies(ok, 3, 2));
        assertFalse(ConvBackward.applies(ok, 4, 3), "with bias");
        assertFalse(ConvBackward.applies(new long[] {3, 3, 1, 1, 1, 1, 2, 2, 0, 0}, 3, 2), "dilated");
        assertFalse(ConvBackward.applies(new long[] {3, 3, 1, 1, 1, 1, 1, 1, 1, 0}, 3, 2), "SAME padding");
        assertFalse(ConvBackward.applies(new long[] {3, 3, 1, 1, 1, 1, 1, 1, 0, 1}, 3, 2), "NHWC");
        assertFalse(ConvBackward.applies(new long[] {3, 3, 1, 1, 1, 1, 1, 1, 0, 0, 1}, 3, 2), "OIYX weights");
    }
}
