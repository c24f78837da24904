package io.cobench.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.testing.GradChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Finite-difference checks of the blocks that replace M2.1's broken ops. */
class BlocksGradientTest {

    @ParameterizedTest
    @EnumSource(Layers.BnImpl.class)
    void batchNorm2dHasCorrectGradients(Layers.BnImpl impl) {
        withBn(impl, () -> assertTrue(GradChecks.check(1, Nd4j.randn(DataType.DOUBLE, 3, 2, 3, 3), (ctx, x) ->
                Layers.batchNorm2d(ctx, "bn", x, 2))));
    }

    @ParameterizedTest
    @EnumSource(Layers.BnImpl.class)
    void batchNorm1dHasCorrectGradients(Layers.BnImpl impl) {
        withBn(impl, () -> assertTrue(GradChecks.check(2, Nd4j.randn(DataType.DOUBLE, 4, 3), (ctx, x) ->
                Layers.batchNorm1d(ctx, "bn", x, 3))));
    }

    static void withBn(Layers.BnImpl impl, Runnable r) {
        Layers.BnImpl saved = Layers.bnImpl();
        Layers.bnImpl(impl);
        try {
            r.run();
        } finally {
            Layers.bnImpl(saved);
        }
    }

    @Test
    void residualBlockWithDownsamplingHasCorrectGradients() {
        assertTrue(GradChecks.check(3, Nd4j.randn(DataType.DOUBLE, 2, 2, 4, 4), (ctx, x) ->
                ResNet.basicBlock(ctx, x, 2, 3, 2)));
    }

    @Test
    void mlpHeadWithBatchNormHasCorrectGradients() {
        assertTrue(GradChecks.check(4, Nd4j.randn(DataType.DOUBLE, 4, 3), (ctx, x) ->
                Mlp.build(ctx, x, 3,
                        new MlpConfig(3, 5, 2, true, true))));
    }

    @Test
    void resnet18GivesMapAndPooledVectorOfExpectedShapes() {
        SameDiff sd = SameDiff.create();
        GraphContext ctx = GraphContext.create(sd, GraphContext.Mode.TRAIN, 5).scope("enc");
        SDVariable in = sd.placeHolder("x", DataType.FLOAT, -1, 1, 64, 64);
        ResNet.Features f = ResNet.build(ctx, in, new ResNetConfig(18, 4, 1, 64));
        var out = sd.output(java.util.Map.of("x", Nd4j.rand(DataType.FLOAT, 2, 1, 64, 64)),
                f.map().name(), f.pooled().name());
        assertArrayEquals(new long[] {2, 32, 2, 2}, out.get(f.map().name()).shape());
        assertArrayEquals(new long[] {2, 32}, out.get(f.pooled().name()).shape());
        assertTrue(sd.hasVariable("enc/layer4/1/conv2/W"));
        assertTrue(sd.hasVariable("enc/layer2/0/down/bn/running_var"));
        // 20 BN layers in ResNet-18: stem, 16 in blocks, 3 shortcuts.
        org.junit.jupiter.api.Assertions.assertEquals(20, ctx.bnLayers().size());
    }
}
