package io.cobench.coboom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.run.RunConfig;
import io.cobench.spi.MethodRegistry;
import io.cobench.testing.SyntheticBatches;
import io.cobench.spi.OptimizerConfig;
import io.cobench.train.TrainConfig;
import io.cobench.train.TrainingSession;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The optimiser the CoBooM presets train with: the paper's presets at the rate the authors
 * applied (their base_lr 0.08 x 64/256 = 0.02) with their LARS momentum 0.99, and the codebook
 * stepped apart from LARS.
 */
class OptimiserPresetTest {
    private static final List<String> PRESETS = List.of("coboom", "coboom-nodec", "coboom-nodf", "coboom-online");

    private static RunConfig preset(String scale, String name) {
        return RunConfig.load(Path.of("..", "configs", scale, name + ".yaml"));
    }

    @Test
    void paperPresetsApplyTheAuthorsRateAndMomentum() {
        for (String p : PRESETS) {
            RunConfig rc = preset("paper", p);
            OptimizerConfig o = rc.train().optimizer();
            assertEquals("lars", o.type(), p);
            assertEquals(64, rc.train().batchSize(), p);
            assertEquals(300, rc.train().epochs(), p);
            assertEquals(0.02, o.peakLr(rc.train().batchSize()), 1e-12, p);
            assertEquals(0.08, o.baseLr(), 0.0, p);
            assertEquals(0.99, o.momentum(), 0.0, p);
            assertEquals(1.5e-6, o.weightDecay(), 0.0, p);
            // 20 warmup epochs of 300, and the official floor of 1e-3 x peak.
            assertEquals(20.0, o.warmupFraction() * rc.train().epochs(), 0.02, p);
            assertEquals(0.001, o.finalLrFraction(), 0.0, p);
            CoBooMConfig c = (CoBooMConfig) MethodRegistry.load().resolveConfig(p, rc.params());
            assertEquals(0.996, c.targetMomentum(), 0.0, p);
            assertTrue(c.targetMomentumCosine(), p);
            assertEquals(QuantizerConfig.Update.LOSS, c.quantizer().update(), p);
            // l_cb as the paper's squared norm: with the mse the codewords' step was D = 512 times smaller.
            assertEquals(QuantizerConfig.Reduction.SUM, c.quantizer().codebookLoss(), p);
            assertEquals(p.equals("coboom-online") ? CoBooMConfig.Source.ONLINE : CoBooMConfig.Source.TARGET,
                    c.quantize(), p);
        }
    }

    @Test
    void cpuPresetsShareTheBaseRateMomentumAndScheduleFloor() {
        for (String p : PRESETS) {
            RunConfig rc = preset("cpu", p);
            OptimizerConfig o = rc.train().optimizer();
            assertEquals("lars", o.type(), p);
            assertEquals(0.08, o.baseLr(), 0.0, p);
            assertEquals(0.005, o.peakLr(rc.train().batchSize()), 1e-12, p);
            assertEquals(0.99, o.momentum(), 0.0, p);
            assertEquals(0.001, o.finalLrFraction(), 0.0, p);
            CoBooMConfig c = (CoBooMConfig) MethodRegistry.load().resolveConfig(p, rc.params());
            assertEquals(QuantizerConfig.Reduction.SUM, c.quantizer().codebookLoss(), p);
        }
    }

    @Test
    void onlineVariantDiffersFromTheFullPresetOnlyInWhatItQuantizes() {
        for (String scale : List.of("paper", "cpu")) {
            MethodRegistry r = MethodRegistry.load();
            RunConfig full = preset(scale, "coboom");
            RunConfig online = preset(scale, "coboom-online");
            CoBooMConfig f = (CoBooMConfig) r.resolveConfig("coboom", full.params());
            CoBooMConfig o = (CoBooMConfig) r.resolveConfig("coboom-online", online.params());
            assertEquals(f.quantizing(CoBooMConfig.Source.ONLINE), o, scale);
            assertEquals(full.train(), online.train(), scale);
            assertEquals(full.encoder(), online.encoder(), scale);
        }
    }

    /**
     * The codebook is its own group on the run's schedule as plain SGD: step 1 moves it by exactly
     * lr * (m v0 + g), where LARS would have scaled the step by eta ||E|| / ||g + wd E|| and decayed E.
     */
    @Test
    void codebookStepsAsPlainSgdInItsOwnGroup() {
        OptimizerConfig lars = preset("cpu", "coboom-nodec").train().optimizer();
        TrainConfig tc = new TrainConfig(1, 4, 8, 3, lars, 0, 1, 0);
        CoBooMConfig cfg = Tiny.config("coboom-nodec");
        TrainingSession s = new TrainingSession(new CoBooM("coboom-nodec", cfg), Tiny.ENCODER_2X2, tc, 4);
        SyntheticBatches data = new SyntheticBatches(8, 1, 64, 8, 5);
        Map<String, INDArray> b0 = data.batch(0);
        b0.keySet().removeIf(k -> !s.sd().hasVariable(k));
        s.step(0, b0);
        Map<String, INDArray> upd = s.updaterState();
        assertTrue(upd.containsKey("codebook|quantizer/codebook|velocity"), upd.keySet().toString());
        assertFalse(upd.keySet().stream().anyMatch(k -> k.startsWith("main|quantizer/")), "codebook also in main");

        Map<String, INDArray> b1 = data.batch(1);
        b1.keySet().removeIf(k -> !s.sd().hasVariable(k));
        INDArray e0 = s.sd().getArrForVarName("quantizer/codebook").castTo(DataType.DOUBLE);
        INDArray v0 = upd.get("codebook|quantizer/codebook|velocity").castTo(DataType.DOUBLE);
        s.sd().setLossVariables(s.graph().lossTerms().get("loss"));
        INDArray g = s.sd().calculateGradients(b1, "quantizer/codebook").get("quantizer/codebook").castTo(DataType.DOUBLE);
        assertTrue(g.norm2Number().doubleValue() > 0);
        TrainingSession.StepResult r = s.step(1, b1);
        double lr = r.lr().get("codebook");
        assertEquals(r.lr().get("main"), lr, 0.0, "same schedule as the main group");
        INDArray expected = e0.sub(v0.mul(lars.momentum()).add(g).mul(lr));
        INDArray e1 = s.sd().getArrForVarName("quantizer/codebook").castTo(DataType.DOUBLE);
        double scale = e0.sub(expected).amaxNumber().doubleValue();
        assertTrue(scale > 1e-6, "the step should be measurable, was " + scale);
        assertArrayEquals(expected.data().asDouble(), e1.data().asDouble(), 1e-3 * scale + 1e-7);
    }
}
