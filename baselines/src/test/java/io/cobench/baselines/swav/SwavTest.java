package io.cobench.baselines.swav;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.data.pipeline.ImageU8;
import io.cobench.data.pipeline.Normalization;
import io.cobench.data.pipeline.ViewTransform;
import io.cobench.graph.MlpConfig;
import io.cobench.graph.ResNetConfig;
import io.cobench.run.RunConfig;
import io.cobench.spi.MethodRegistry;
import io.cobench.spi.SslMethod;
import io.cobench.spi.StepState;
import io.cobench.testing.MethodContractTest;
import io.cobench.testing.SyntheticBatches;
import io.cobench.train.TrainConfig;
import io.cobench.train.TrainingSession;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

class SwavTest extends MethodContractTest {

    static SwavConfig tiny(long freeze, QueueConfig queue, MultiCropConfig crops) {
        return new SwavConfig(new MlpConfig(2, 32, 16, true, false), 16, 0.1, 0.05, 3, freeze, queue, crops);
    }

    static MultiCropConfig noSmallCrops() {
        return new MultiCropConfig(0, 0.14, 0.05, 0.14, 0);
    }

    @Override
    protected SslMethod method() {
        return new Swav("swav", tiny(5, new QueueConfig(0, 0), noSmallCrops()));
    }

    /**
     * One session with everything optional switched on: one small crop (three crops in the graph),
     * a queue of two batches and prototypes frozen for two steps.
     */
    @Test
    void freezeRenormalisationQueueAndSmallCropsStepByStep() {
        Swav swav = new Swav("swav", tiny(2, new QueueConfig(16, 0), new MultiCropConfig(1, 0.14, 0.05, 0.14, 0)));
        // A long schedule, so that the cosine decay leaves the first unfrozen step a full learning rate.
        TrainConfig tc = new TrainConfig(1, 100, 8, 11, optimizer(), 0, 1, 5);
        TrainingSession s = new TrainingSession(swav, encoder(), tc, 100);
        SyntheticBatches d = data();
        INDArray w0 = s.sd().getArrForVarName(Swav.PROTOTYPES).dup();
        assertTrue(w0.norm2(0).sub(1.0).amaxNumber().doubleValue() < 1e-5, "prototypes start as unit vectors");
        INDArray queue = s.sd().getArrForVarName(Swav.QUEUE);
        float[][] gates = new float[3][];
        for (int step = 0; step < 3; step++) {
            Map<String, INDArray> gate = swav.extraInputs(new StepState(step, 100, 0, 1, 11, s.sd()));
            gates[step] = new float[] {gate.get(Swav.PROTOTYPE_GATE).getFloat(0), gate.get(Swav.QUEUE_GATE).getFloat(0)};
            Map<String, INDArray> batch = new HashMap<>(d.batch(step));
            batch.put("small1", batch.get("view2").mul(0.5));
            double loss = s.step(step, batch).losses().get("loss");
            assertTrue(Double.isFinite(loss), "step " + step + ": " + loss);
            INDArray w = s.sd().getArrForVarName(Swav.PROTOTYPES);
            assertTrue(w.norm2(0).sub(1.0).amaxNumber().doubleValue() < 1e-5, "unit prototypes after step " + step);
            double moved = w.sub(w0).amaxNumber().doubleValue();
            if (step < 2) {
                assertTrue(moved < 1e-6, "frozen prototypes moved by " + moved + " at step " + step);
            } else {
                assertTrue(moved > 1e-5, "prototypes moved only " + moved + " once unfrozen");
            }
            if (step == 0) {
                INDArray newest = queue.get(NDArrayIndex.point(0), NDArrayIndex.interval(0, 8), NDArrayIndex.all());
                assertTrue(newest.norm2(1).sub(1.0).amaxNumber().doubleValue() < 1e-5, "queue holds unit embeddings");
                assertEquals(0.0, queue.get(NDArrayIndex.all(), NDArrayIndex.interval(8, 16), NDArrayIndex.all())
                        .amaxNumber().doubleValue());
            }
        }
        // Prototype gate: 0 while frozen. Queue gate: 0 until two batches have filled it.
        assertArrayEquals(new float[] {0, 0}, gates[0]);
        assertArrayEquals(new float[] {0, 0}, gates[1]);
        assertArrayEquals(new float[] {1, 1}, gates[2]);
    }

    @Test
    void smallCropsAtTheirOwnResolutionShareTheEncoderAndReachTheLoss() {
        // Large crops 64 px, two small crops 32 px (the paper preset: 224 and 96).
        ResNetConfig enc = new ResNetConfig(18, 4, 1, 64);
        MultiCropConfig mc = new MultiCropConfig(2, 0.14, 0.05, 0.14, 32);
        Swav swav = new Swav("swav", tiny(0, new QueueConfig(0, 0), mc));
        List<ViewTransform.Output> outs = swav.customViews(enc).orElseThrow().outputs(1, 64);
        assertEquals(List.of(64, 64, 32, 32), outs.stream().map(ViewTransform.Output::height).toList());
        TrainingSession s = new TrainingSession(swav, enc, new TrainConfig(1, 10, 8, 11, optimizer(), 0, 1, 5), 10);
        assertFalse(s.sd().variables().stream().anyMatch(v -> v.name().startsWith("pass_small/")
                        && v.getVariableType() == org.nd4j.autodiff.samediff.VariableType.VARIABLE),
                "the small-crop pass owns no weights of its own");
        org.nd4j.linalg.api.rng.Random r = org.nd4j.linalg.factory.Nd4j.getRandom();
        r.setSeed(3);
        Map<String, INDArray> batch = new HashMap<>();
        for (String n : List.of("view1", "view2")) {
            batch.put(n, org.nd4j.linalg.factory.Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 8, 1, 64, 64));
        }
        for (String n : List.of("small1", "small2")) {
            batch.put(n, org.nd4j.linalg.factory.Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 8, 1, 32, 32));
        }
        Map<String, INDArray> in = new HashMap<>(batch);
        in.putAll(swav.extraInputs(new StepState(0, 10, 0, 1, 11, s.sd())));
        double loss = s.sd().output(in, "loss").get("loss").getDouble(0);
        Map<String, INDArray> other = new HashMap<>(in);
        other.put("small2", in.get("small2").rsub(1.0));
        double changed = s.sd().output(other, "loss").get("loss").getDouble(0);
        assertTrue(Double.isFinite(loss) && Math.abs(loss - changed) > 1e-6,
                "a small crop moves the swapped-prediction loss: " + loss + " vs " + changed);
        INDArray w0 = s.sd().getArrForVarName("encoder/stem/conv/W").dup();
        assertTrue(Double.isFinite(s.step(0, batch).losses().get("loss")));
        assertTrue(s.sd().getArrForVarName("encoder/stem/conv/W").sub(w0).amaxNumber().doubleValue() > 0);
    }

    @Test
    void colourJitterHasTheReferenceStrength() {
        // On a flat image contrast changes nothing, so the pixel is 100 x brightness, brightness
        // uniform in [1 - 0.8, 1 + 0.8] (get_color_distortion's 0.8); 0.4 would keep it in 60..140.
        SplittableRandom rng = new SplittableRandom(9);
        double lo = 255;
        double hi = 0;
        for (int i = 0; i < 2000; i++) {
            float[] g = {100f, 100f};
            MultiCropViews.jitter(g, rng);
            lo = Math.min(lo, g[0]);
            hi = Math.max(hi, g[0]);
            assertTrue(g[0] >= 20f - 1e-3 && g[0] <= 180f + 1e-3, "factor outside [0.2, 1.8]: " + g[0]);
        }
        assertTrue(lo < 25 && hi > 175, lo + ".." + hi);
    }

    @Test
    void multiCropViewsAreDeterministicNamedAndInRange() {
        MultiCropConfig mc = new MultiCropConfig(2, 0.14, 0.05, 0.14, 0);
        SwavConfig cfg = tiny(0, new QueueConfig(0, 0), mc);
        ViewTransform t = new Swav("swav", cfg).customViews(new ResNetConfig(18, 4, 1, 32)).orElseThrow();
        assertTrue(new Swav("swav", tiny(0, new QueueConfig(0, 0), noSmallCrops()))
                .customViews(new ResNetConfig(18, 4, 1, 32)).isEmpty());
        List<ViewTransform.Output> outs = t.outputs(1, 32);
        assertEquals(List.of("view1", "view2", "small1", "small2"), outs.stream().map(ViewTransform.Output::name).toList());
        assertThrows(IllegalArgumentException.class, () -> t.outputs(3, 32));

        byte[] px = new byte[64 * 64];
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                px[y * 64 + x] = (byte) ((x * 4 + y) & 0xff);
            }
        }
        ImageU8 img = new ImageU8("ramp", 64, 64, 1, px);
        float[][] a = render(t, img, 5);
        float[][] b = render(t, img, 5);
        float[][] c = render(t, img, 6);
        for (int v = 0; v < 4; v++) {
            assertArrayEquals(a[v], b[v], "same seed, same crop " + v);
            for (float f : a[v]) {
                assertTrue(f >= -1f && f <= 1f, "UNIT normalisation maps 0..255 to [-1, 1], got " + f);
            }
        }
        assertFalse(java.util.Arrays.equals(a[0], c[0]));
        // A crop of the whole image at its own size is the image itself.
        float[] whole = MultiCropViews.crop(img, new SplittableRandom(1), 1.0, 1.0, 64);
        for (int i = 0; i < whole.length; i++) {
            assertEquals(px[i] & 0xff, whole[i], 1e-4);
        }
    }

    private static float[][] render(ViewTransform t, ImageU8 img, long seed) {
        float[][] out = new float[4][32 * 32];
        t.apply(img, new SplittableRandom(seed), Normalization.UNIT, out);
        return out;
    }

    @Test
    void presetsLoadAtBothScales() {
        MethodRegistry r = MethodRegistry.load();
        assertEquals("SwAV", r.provider("swav").tableRow("swav"));
        assertEquals(SwavConfig.paper(), r.resolveConfig("swav", null));
        for (String scale : List.of("cpu", "paper")) {
            RunConfig rc = RunConfig.load(Path.of("../configs", scale, "swav.yaml"));
            SwavConfig c = (SwavConfig) r.resolveConfig(rc.method(), rc.params());
            assertEquals(0.05, c.sinkhornEps());
            assertEquals(3, c.sinkhornIterations());
            assertEquals(0.1, c.temperature());
            boolean paper = scale.equals("paper");
            // The paper preset follows the official batch-256 script: 2 large + 6 small crops and a
            // 3840-long queue from epoch 15; the CPU preset keeps two views and no queue.
            assertEquals(paper, c.queue().enabled());
            assertEquals(paper ? 3840 : 0, c.queue().length());
            assertEquals(paper ? 15 : 0, c.queue().startEpoch());
            assertEquals(paper ? 6 : 0, c.multiCrop().small());
            assertEquals(0.14, c.multiCrop().largeMinScale());
            assertEquals(0.05, c.multiCrop().smallMinScale());
            assertEquals(0.14, c.multiCrop().smallMaxScale());
            assertEquals(paper ? 96 : 32, c.multiCrop().smallSize(rc.encoder().imageSize()));
            assertEquals(paper ? 1351 : 20, c.freezePrototypesSteps());
            if (paper) {
                assertEquals(0, c.queue().length() % rc.train().batchSize(), "queue must hold whole batches");
                // swav_200ep_bs256_pretrain.sh: base_lr 0.6 at 256 (0.15 at 64), final 0.0006, no warmup.
                assertEquals(0.15, rc.train().optimizer().peakLr(rc.train().batchSize()), 1e-12);
                assertEquals(0.001, rc.train().optimizer().finalLrFraction());
                assertEquals(0.0, rc.train().optimizer().warmupFraction());
            }
            assertEquals(scale.equals("cpu") ? 64 : 3000, c.prototypes());
            assertEquals(scale.equals("cpu") ? 8 : 64, rc.encoder().width());
        }
    }
}
