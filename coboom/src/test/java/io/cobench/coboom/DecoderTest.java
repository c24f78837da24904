package io.cobench.coboom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.graph.GraphContext;
import io.cobench.testing.GradChecks;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class DecoderTest {

    @Test
    void bothUpsamplingModesPassGradientChecks() {
        // One stage (1x1 to 2x2) and the output convolution; the stages repeat unchanged.
        for (DecoderConfig.Upsample u : DecoderConfig.Upsample.values()) {
            DecoderConfig cfg = new DecoderConfig(true, u, 1);
            assertTrue(GradChecks.check(31, Nd4j.randn(DataType.DOUBLE, 2, 2, 1, 1), (ctx, x) ->
                    Decoder.build(ctx.scope("dec"), x, 2, 1, 2, 1, cfg)), "upsample " + u);
        }
    }

    @Test
    void reconstructsAtInputResolutionWithHalvingWidths() {
        SameDiff sd = SameDiff.create();
        GraphContext ctx = GraphContext.create(sd, GraphContext.Mode.TRAIN, 4);
        SDVariable in = sd.placeHolder("map", DataType.FLOAT, -1, 64, 2, 2);
        SDVariable out = Decoder.build(ctx.scope("dec"), in, 64, 2, 64, 1,
                new DecoderConfig(true, DecoderConfig.Upsample.NEAREST, 8));
        var r = sd.output(Map.of("map", Nd4j.rand(DataType.FLOAT, 3, 64, 2, 2)), out.name()).get(out.name());
        assertArrayEquals(new long[] {3, 1, 64, 64}, r.shape());
        // Five stages: 64 -> 32 -> 16 -> 8 -> 8 -> 8 channels (floored at minChannels 8).
        assertArrayEquals(new long[] {3, 3, 64, 32}, sd.getArrForVarName("dec/up0/conv/W").shape());
        assertArrayEquals(new long[] {3, 3, 16, 8}, sd.getArrForVarName("dec/up2/conv/W").shape());
        assertArrayEquals(new long[] {3, 3, 8, 8}, sd.getArrForVarName("dec/up4/conv/W").shape());
        assertEquals(5, ctx.bnLayers().size());
    }

    @Test
    void refusesSizesThatAreNotAPowerOfTwoApart() {
        SameDiff sd = SameDiff.create();
        GraphContext ctx = GraphContext.create(sd, GraphContext.Mode.TRAIN, 4);
        SDVariable in = sd.placeHolder("map", DataType.FLOAT, -1, 8, 3, 3);
        assertThrows(IllegalArgumentException.class, () -> Decoder.build(ctx, in, 8, 3, 18, 1,
                new DecoderConfig(true, DecoderConfig.Upsample.NEAREST, 8)));
    }
}
