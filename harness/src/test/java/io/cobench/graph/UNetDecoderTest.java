package io.cobench.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.testing.GradChecks;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The U-Net decoders, the stage-keeping encoder and the bilinear resize. */
class UNetDecoderTest {

    @Test
    void stageEncoderIsResNetWithTheSameNamesAndOutputs() {
        ResNetConfig cfg = new ResNetConfig(18, 2, 1, 32);
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 1, 32, 32);

        SameDiff a = SameDiff.create();
        SDVariable inA = a.placeHolder("x", DataType.FLOAT, -1, 1, 32, 32);
        ResNet.Features f = ResNet.build(GraphContext.create(a, GraphContext.Mode.TRAIN, 9).scope("enc"), inA, cfg);

        SameDiff b = SameDiff.create();
        SDVariable inB = b.placeHolder("x", DataType.FLOAT, -1, 1, 32, 32);
        UNetDecoder.Stages s = UNetDecoder.encoder(GraphContext.create(b, GraphContext.Mode.TRAIN, 9).scope("enc"), inB, cfg);

        assertEquals(variableNames(a), variableNames(b));
        INDArray mapA = a.output(Map.of("x", x), f.map().name()).get(f.map().name());
        Map<String, INDArray> outB = b.output(Map.of("x", x), s.last().name(), s.pooled().name(),
                s.maps().get(0).name(), s.maps().get(1).name(), s.maps().get(2).name(), s.maps().get(3).name());
        assertTrue(mapA.equalsWithEps(outB.get(s.last().name()), 1e-6));
        assertEquals(List.of(2, 2, 4, 8, 16), s.channels());
        assertArrayEquals(new long[] {2, 2, 16, 16}, outB.get(s.maps().get(0).name()).shape());
        assertArrayEquals(new long[] {2, 2, 8, 8}, outB.get(s.maps().get(1).name()).shape());
        assertArrayEquals(new long[] {2, 4, 4, 4}, outB.get(s.maps().get(2).name()).shape());
        assertArrayEquals(new long[] {2, 8, 2, 2}, outB.get(s.maps().get(3).name()).shape());
        assertArrayEquals(new long[] {2, 16}, outB.get(s.pooled().name()).shape());
    }

    @Test
    void decodersBringTheMapBackToTheInputSize() {
        ResNetConfig cfg = new ResNetConfig(18, 2, 1, 32);
        SameDiff sd = SameDiff.create();
        GraphContext ctx = GraphContext.create(sd, GraphContext.Mode.TRAIN, 3);
        SDVariable in = sd.placeHolder("x", DataType.FLOAT, -1, 1, 32, 32);
        UNetDecoder.Stages s = UNetDecoder.encoder(ctx.scope("enc"), in, cfg);
        SDVariable skip = UNetDecoder.withSkips(ctx.scope("dec"), s, List.of(8, 6, 5, 4, 3));
        SDVariable out = UNetDecoder.head(ctx.scope("dec"), skip, 3, 1);
        List<SDVariable> levels = UNetDecoder.withoutSkips(ctx.scope("plain"), s.last(), 16, List.of(8, 6, 5, 4, 3));
        Map<String, INDArray> r = sd.output(Map.of("x", Nd4j.rand(DataType.FLOAT, 2, 1, 32, 32)),
                out.name(), levels.get(0).name(), levels.get(4).name());
        assertArrayEquals(new long[] {2, 1, 32, 32}, r.get(out.name()).shape());
        assertArrayEquals(new long[] {2, 8, 2, 2}, r.get(levels.get(0).name()).shape());
        assertArrayEquals(new long[] {2, 3, 32, 32}, r.get(levels.get(4).name()).shape());
        // Block 1 of the skip decoder sees 8 upsampled + 4 skip channels (layer2 at width 2).
        assertArrayEquals(new long[] {3, 3, 12, 6}, sd.getArrForVarName("dec/block1/conv1/W").shape());
        assertArrayEquals(new long[] {3, 3, 8, 6}, sd.getArrForVarName("plain/block1/conv1/W").shape());
    }

    @Test
    void decoderBlockWithSkipHasCorrectGradients() {
        INDArray skip = Nd4j.randn(DataType.DOUBLE, 2, 1, 4, 4);
        assertTrue(io.cobench.testing.GradChecks.check(11, Nd4j.randn(DataType.DOUBLE, 2, 2, 2, 2), java.util.Set.of(), 6, (ctx, x) ->
                UNetDecoder.block(ctx, x, ctx.sd().var("skip", skip), 2, 1, 2)));
    }

    @Test
    void bilinearResizeMatchesPyTorch() {
        SameDiff sd = SameDiff.create();
        GraphContext ctx = GraphContext.create(sd, GraphContext.Mode.TRAIN, 1);
        SDVariable x = sd.constant("x", Nd4j.createFromArray(new float[] {1, 2, 3, 4}).reshape(1, 1, 2, 2));
        SDVariable y = UNetDecoder.bilinearResize(ctx, "up", x, 1, 2, 2, 4, 4);
        // torch.nn.functional.interpolate([[1,2],[3,4]], scale_factor=2, mode="bilinear")
        INDArray expect = Nd4j.createFromArray(new float[][] {
            {1.0f, 1.25f, 1.75f, 2.0f}, {1.5f, 1.75f, 2.25f, 2.5f},
            {2.5f, 2.75f, 3.25f, 3.5f}, {3.0f, 3.25f, 3.75f, 4.0f}}).reshape(1, 1, 4, 4);
        assertTrue(expect.equalsWithEps(y.eval(), 1e-6), y.eval().toString());
    }

    @Test
    void bilinearResizeHasCorrectGradients() {
        assertTrue(GradChecks.check(13, Nd4j.randn(DataType.DOUBLE, 1, 2, 3, 2), (ctx, x) ->
                UNetDecoder.bilinearResize(ctx, "up", x, 2, 3, 2, 6, 8)));
    }

    private static TreeSet<String> variableNames(SameDiff sd) {
        TreeSet<String> names = new TreeSet<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                names.add(v.name());
            }
        }
        return names;
    }
}
