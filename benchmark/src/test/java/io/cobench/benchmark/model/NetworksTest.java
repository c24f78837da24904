package io.cobench.benchmark.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.benchmark.data.ArraySplit;
import io.cobench.cli.UserError;
import io.cobench.engine.Engine;
import io.cobench.graph.GraphContext;
import io.cobench.graph.Layers;
import io.cobench.graph.ResNetConfig;
import io.cobench.testing.GradChecks;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

@Tag("slow")
class NetworksTest {
    static final ResNetConfig ENC = new ResNetConfig(18, 2, 1, 32);

    @TempDir
    Path tmp;

    @BeforeAll
    static void engine() {
        Engine.start(null);
    }

    @Test
    void decoderStageWithSkipHasCorrectGradients() {
        // Upsample, concatenate a skip, conv-BN-ReLU: the U-Net stage, in double precision.
        assertTrue(GradChecks.check(7, Nd4j.randn(DataType.DOUBLE, 2, 2, 2, 2), (ctx, x) -> {
            SDVariable skip = ctx.var("skip", Nd4j.randn(DataType.DOUBLE, 2, 1, 4, 4));
            SDVariable h = Layers.upsample2x(ctx, "up", x);
            h = ctx.sd().concat("cat", 1, h, skip);
            return UNet.convBnRelu(ctx, "conv1", h, 3, 2);
        }));
    }

    @Test
    void bceLossEqualsTheHandComputedMean() {
        Classifier recipe = new Classifier(ENC, 2);
        NetGraph g = recipe.build(GraphContext.Mode.EVAL, GraphContext.Mode.EVAL, 3);
        INDArray x = Nd4j.randn(DataType.FLOAT, 3, 1, 32, 32);
        INDArray y = Nd4j.createFromArray(new float[][] {{1, 0}, {0, 0}, {1, 1}});
        Map<String, INDArray> out = g.sd().output(Map.of(g.input(), x, g.target(), y), g.logits(), g.loss());
        INDArray z = out.get(g.logits());
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            for (int c = 0; c < 2; c++) {
                double p = 1 / (1 + Math.exp(-z.getDouble(i, c)));
                sum -= y.getDouble(i, c) > 0 ? Math.log(p) : Math.log(1 - p);
            }
        }
        assertEquals(sum / 6, out.get(g.loss()).getDouble(0), 1e-5);
    }

    @Test
    void unetPredictsOneProbabilityPerPixel() {
        NetGraph g = new UNet(ENC, List.of(8, 8, 4, 4, 4)).build(GraphContext.Mode.EVAL, GraphContext.Mode.EVAL, 1);
        INDArray p = g.sd().output(Map.of(g.input(), Nd4j.randn(DataType.FLOAT, 2, 1, 32, 32)), g.prob()).get(g.prob());
        assertArrayEquals(new long[] {2, 1, 32, 32}, p.shape());
        assertTrue(p.minNumber().doubleValue() >= 0 && p.maxNumber().doubleValue() <= 1);
    }

    @Test
    void encoderWeightsRoundTripThroughAnEncoderFile() throws Exception {
        // A pretraining run's export: the encoder under "encoder/" plus anything else in the file.
        SameDiff sd = SameDiff.create();
        GraphContext ctx = GraphContext.create(sd, GraphContext.Mode.TRAIN, 11);
        SDVariable in = sd.placeHolder("image", DataType.FLOAT, -1, 1, 32, 32);
        io.cobench.graph.ResNet.build(ctx.scope("encoder"), in, ENC);
        ctx.var("projector/W", Nd4j.ones(DataType.FLOAT, 2, 2));
        sd.getArrForVarName("encoder/stem/bn/running_mean").assign(0.25);
        Path f = tmp.resolve("encoder.sd");
        sd.save(f.toFile(), false);

        EncoderWeights w = EncoderWeights.load(f);
        assertTrue(w.arrays().keySet().stream().allMatch(n -> n.startsWith("encoder/")));
        FeatureExtractor fx = new FeatureExtractor(ENC);
        fx.use(w);
        DownstreamModel model = new DownstreamModel(new Classifier(ENC, 3), false);
        model.reset(w, 5);
        for (String n : List.of("encoder/layer4/1/conv2/W", "encoder/stem/bn/running_mean")) {
            assertEquals(sd.getArrForVarName(n), w.arrays().get(n));
        }
        assertEquals(0.25, w.arrays().get("encoder/stem/bn/running_mean").getDouble(0), 0);

        EncoderWeights wider = EncoderWeights.random(new ResNetConfig(18, 4, 1, 32), 1);
        UserError e = assertThrows(UserError.class, () -> new FeatureExtractor(ENC).use(wider));
        assertTrue(e.getMessage().matches("encoder weights from random init, seed 1: variable .encoder/.* has shape \\[.*\\], the evaluation graph expects \\[.*\\]"), e.getMessage());
    }

    @Test
    void resetGivesTheSameStartForTheSameSeed() {
        DownstreamModel m = new DownstreamModel(new Classifier(ENC, 3), false);
        EncoderWeights w = EncoderWeights.random(ENC, 2);
        ArraySplit s = new ArraySplit(List.of("a", "b"), Nd4j.randn(DataType.FLOAT, 2, 1, 32, 32), new float[][] {{1, 0, 0}, {0, 1, 1}}, null);
        m.reset(w, 9);
        INDArray first = m.predict(s, 8);
        m.reset(w, 9);
        assertEquals(first, m.predict(s, 8));
        m.reset(w, 10);
        assertNotEquals(first, m.predict(s, 8));
    }

    /**
     * Fine-tuning replays its graph from plans (one per batch shape: 20 images in batches of 8 end
     * with a batch of 4); the losses, checks and final predictions must be those of the session.
     */
    @Test
    void replayedPlansChangeNoFineTuningResult() {
        EncoderWeights w = EncoderWeights.random(ENC, 3);
        Nd4j.getRandom().setSeed(11);
        float[][] y = new float[20][3];
        for (int i = 0; i < 20; i++) {
            y[i][i % 3] = 1;
        }
        ArraySplit s = new ArraySplit(java.util.stream.IntStream.range(0, 20).mapToObj(i -> "i" + i).toList(),
                Nd4j.randn(DataType.FLOAT, 20, 1, 32, 32), y, null);
        io.cobench.benchmark.grid.TrainSpec spec = new io.cobench.benchmark.grid.TrainSpec(1e-2, 8, 3, 0, 0.01, 1.0, "cosine", 2, 0.5);
        long replaysBefore = io.cobench.engine.GraphPlan.replaysTotal();
        Object[] planned = io.cobench.engine.GraphPlan.with(true, () -> fitAndPredict(w, s, spec));
        assertTrue(io.cobench.engine.GraphPlan.replaysTotal() - replaysBefore >= 5,
                "replays: " + (io.cobench.engine.GraphPlan.replaysTotal() - replaysBefore));
        Object[] plain = io.cobench.engine.GraphPlan.with(false, () -> fitAndPredict(w, s, spec));
        DownstreamModel.FitResult a = (DownstreamModel.FitResult) plain[0];
        DownstreamModel.FitResult b = (DownstreamModel.FitResult) planned[0];
        assertEquals(9, a.losses().size());
        for (int i = 0; i < a.losses().size(); i++) {
            assertEquals(a.losses().get(i), b.losses().get(i), 1e-5 * Math.max(1, Math.abs(a.losses().get(i))), "loss " + i);
        }
        assertEquals(a.scores(), b.scores());
        assertTrue(((INDArray) plain[1]).equalsWithEps((INDArray) planned[1], 1e-5));
    }

    private static Object[] fitAndPredict(EncoderWeights w, ArraySplit s, io.cobench.benchmark.grid.TrainSpec spec) {
        DownstreamModel m = new DownstreamModel(new Classifier(ENC, 3), false);
        m.reset(w, 9);
        double[] score = {0};
        DownstreamModel.FitResult r = m.fit(s, spec, 5, () -> score[0]++);
        return new Object[] {r, m.predict(s, 8)};
    }

    @Test
    void equalSeedsGiveEqualWeightsInAnyThread() throws InterruptedException {
        EncoderWeights a = EncoderWeights.random(ENC, 4);
        EncoderWeights b = EncoderWeights.random(ENC, 4);
        EncoderWeights[] c = new EncoderWeights[1];
        Thread t = new Thread(() -> c[0] = EncoderWeights.random(ENC, 4));
        t.start();
        t.join();
        EncoderWeights d = EncoderWeights.random(ENC, 5);
        boolean anyDiffers = false;
        for (String n : a.arrays().keySet()) {
            assertEquals(a.arrays().get(n), b.arrays().get(n), n);
            assertEquals(a.arrays().get(n), c[0].arrays().get(n), n);
            anyDiffers |= !a.arrays().get(n).equals(d.arrays().get(n));
        }
        assertTrue(anyDiffers);
    }

    @Test
    void arraySplitSubsetsPickTheRightRows() {
        INDArray img = Nd4j.arange(4 * 2 * 2).reshape(4, 1, 2, 2).castTo(DataType.FLOAT);
        ArraySplit s = new ArraySplit(List.of("a", "b", "c", "d"), img, new float[][] {{0}, {1}, {2}, {3}}, null);
        ArraySplit sub = s.subset(new int[] {3, 1});
        assertEquals(List.of("d", "b"), sub.ids());
        assertEquals(img.slice(3), sub.images(new int[] {0}).slice(0));
        assertEquals(img.slice(1), sub.images(new int[] {1}).slice(0));
        assertEquals(1f, sub.labels(1)[0]);
    }
}
