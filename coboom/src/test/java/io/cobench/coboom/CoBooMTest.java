package io.cobench.coboom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.cli.UserError;
import io.cobench.graph.ResNetConfig;
import io.cobench.testing.SyntheticBatches;
import io.cobench.spi.OptimizerConfig;
import io.cobench.train.TrainConfig;
import io.cobench.train.TrainingSession;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The CoBooM graph: which parts each preset has, how the terms combine, and what the codebook does. */
class CoBooMTest {

    private static TrainingSession session(CoBooMConfig cfg, long steps) {
        TrainConfig tc = new TrainConfig(1, steps, 8, 11, OptimizerConfig.sgd(0.05, 0.9, 0.0), 0, 1, 5);
        return new TrainingSession(new CoBooM("coboom", cfg), Tiny.ENCODER, tc, steps);
    }

    private static SyntheticBatches data() {
        return new SyntheticBatches(8, 1, 32, 8, 7);
    }

    private static List<String> variables(TrainingSession s, String part) {
        return s.variables().keySet().stream().filter(n -> n.contains(part)).toList();
    }

    @Test
    void withoutDiversiFuseThereAreNoAttentionVariables() {
        TrainingSession s = session(Tiny.config("coboom-nodf"), 1);
        assertEquals(List.of(), variables(s, "diversifuse"));
        assertEquals(List.of(), variables(s, "decoder"));
        assertFalse(s.sd().hasVariable("target"), "no clean-image input without a decoder");
    }

    @Test
    void withoutDecoderThereAreNoDecoderVariablesButAttentionStays() {
        TrainingSession s = session(Tiny.config("coboom-nodec"), 1);
        assertEquals(List.of(), variables(s, "decoder"));
        // q, k, v and output projections, weight and bias each.
        assertEquals(8, variables(s, "online/diversifuse/").size());
        assertFalse(s.graph().lossTerms().containsKey("l_r"));
    }

    @Test
    void fullPresetHasAttentionDecoderAndTheCleanTarget() {
        TrainingSession s = session(Tiny.config("coboom"), 1);
        assertEquals(8, variables(s, "online/diversifuse/").size());
        // Five x2 stages take the 1x1 map to 32x32.
        assertTrue(s.sd().hasVariable("online/decoder/up4/conv/W"));
        assertFalse(s.sd().hasVariable("online/decoder/up5/conv/W"));
        assertTrue(s.sd().getVariable("target").isPlaceHolder());
        assertTrue(s.trainableVariables().contains("quantizer/codebook"));
        assertTrue(s.trainableVariables().stream().noneMatch(n -> n.startsWith("target/")));
    }

    @Test
    void targetStartsAsACopyOfTheOnlineNetwork() {
        TrainingSession s = session(Tiny.config("coboom-nodf"), 1);
        int compared = 0;
        for (var e : s.variables().entrySet()) {
            if (e.getKey().startsWith("target/")) {
                INDArray online = s.sd().getArrForVarName("online/" + e.getKey().substring("target/".length()));
                assertTrue(online.equalsWithEps(e.getValue(), 0.0), e.getKey());
                compared++;
            }
        }
        // ResNet-18: 20 convolutions and 20 BNs of 4 arrays; projector: 2 linear layers and 1 BN.
        assertEquals(20 + 20 * 4 + 3 + 4, compared);
    }

    @Test
    void paperLossIsAlphaL1PlusL2PlusLqPlusGammaLr() {
        TrainingSession s = session(Tiny.config("coboom"), 2);
        Map<String, Double> t = s.step(0, data().batch(0)).losses();
        assertEquals(0.5 * (t.get("l1") + t.get("l2")) + t.get("l_q") + 0.5 * t.get("l_r"), t.get("loss"), 1e-5);
        assertEquals(t.get("l_cb") + 0.25 * t.get("l_ce"), t.get("l_q"), 1e-5);
        // With the quantizer on the target, l_cb and l_ce measure the same distances: l_cb sums the
        // D = 32 channels where l_ce averages them, and only their gradients differ.
        assertEquals(t.get("l_cb"), 32 * t.get("l_ce"), 1e-5 * t.get("l_cb"));
        for (String k : List.of("l1", "l2")) {
            assertTrue(t.get(k) >= 0 && t.get(k) <= 8, k + " = " + t.get(k) + " outside [0, 8]");
        }
    }

    @Test
    void officialLossIsAQuarterOfTheFourDistancesPlusViewMeans() {
        CoBooMConfig cfg = Tiny.withLoss(Tiny.config("coboom"), CoBooMConfig.LossForm.OFFICIAL, false);
        TrainingSession s = session(cfg, 2);
        Map<String, Double> t = s.step(0, data().batch(0)).losses();
        assertEquals((t.get("l1") + t.get("l2")) / 4 + t.get("l_q") / 2 + t.get("l_r") / 2, t.get("loss"), 1e-5);
    }

    @Test
    void emaCodebookIsStateThatTheGradientNeverTouches() {
        CoBooMConfig base = Tiny.config("coboom-nodec");
        QuantizerConfig q = base.quantizer();
        CoBooMConfig cfg = Tiny.withQuantizer(base, new QuantizerConfig(q.size(), q.beta(), QuantizerConfig.Update.EMA,
                0.9, q.eps(), 1.0, q.distance(), q.init(), q.codebookLoss()));
        TrainingSession s = session(cfg, 3);
        assertFalse(s.trainableVariables().contains("quantizer/codebook"));
        SyntheticBatches d = data();
        s.step(0, d.batch(0));
        INDArray before = s.sd().getArrForVarName("quantizer/codebook").dup();
        INDArray count = s.sd().getArrForVarName("quantizer/ema_count").dup();
        INDArray sum = s.sd().getArrForVarName("quantizer/ema_sum").dup();
        // After the data initialisation, the codebook is exactly the EMA sums over the counts.
        assertTrue(before.equalsWithEps(sum.divColumnVector(count.reshape(-1, 1)), 1e-5));
        Map<String, Double> t = s.step(1, d.batch(1)).losses();
        assertFalse(before.equalsWithEps(s.sd().getArrForVarName("quantizer/codebook"), 0.0));
        assertEquals(0.25 * t.get("l_ce"), t.get("l_q"), 1e-6);
    }

    @Test
    void stopGradientOnFusedProjectionFreezesWhatNoLongerLearns() {
        CoBooMConfig cfg = Tiny.withLoss(Tiny.config("coboom-nodec"), CoBooMConfig.LossForm.PAPER, true);
        TrainingSession s = session(cfg, 2);
        assertTrue(s.trainableVariables().stream().noneMatch(n -> n.startsWith("online/fuse_projector/")
                || n.startsWith("online/diversifuse/")));
        INDArray w = s.sd().getArrForVarName("online/fuse_projector/fc0/W").dup();
        s.step(0, data().batch(0));
        assertTrue(w.equalsWithEps(s.sd().getArrForVarName("online/fuse_projector/fc0/W"), 0.0));
        // With the decoder, DiversiFuse still learns from the reconstruction.
        TrainingSession withDecoder = session(Tiny.withLoss(Tiny.config("coboom"), CoBooMConfig.LossForm.PAPER, true), 2);
        assertTrue(withDecoder.trainableVariables().contains("online/diversifuse/q/W"));
    }

    @Test
    void headsThatDoNotDivideTheChannelsAreAUserError() {
        CoBooMConfig c = Tiny.config("coboom");
        CoBooMConfig bad = new CoBooMConfig(c.projector(), c.predictor(), c.fuseProjector(), c.quantizer(), c.quantize(),
                new DiversiFuseConfig(true, 5), c.decoder(), c.alpha(), c.gamma(), c.loss(), c.stopGradFused(),
                c.targetMomentum(), c.targetMomentumCosine());
        UserError e = assertThrows(UserError.class, () -> session(bad, 1));
        assertTrue(e.getMessage().contains("heads 5") && e.getMessage().contains("32"), e.getMessage());
    }

    @Test
    void onlineQuantizationSendsGradientsIntoTheOnlineEncoderThroughTheCommitmentLoss() {
        CoBooMConfig c = Tiny.config("coboom-nodf");
        CoBooMConfig online = new CoBooMConfig(c.projector(), c.predictor(), c.fuseProjector(), c.quantizer(),
                CoBooMConfig.Source.ONLINE, c.diversiFuse(), c.decoder(), c.alpha(), c.gamma(), c.loss(),
                c.stopGradFused(), c.targetMomentum(), c.targetMomentumCosine());
        TrainingSession s = session(online, 1);
        SDVariable lce = s.sd().getVariable("loss/l_ce");
        s.sd().setLossVariables(lce.name());
        Map<String, INDArray> views = new java.util.HashMap<>(data().batch(0));
        views.remove("target");
        Map<String, INDArray> g = s.sd().calculateGradients(views, "online/encoder/layer4/1/conv2/W");
        assertTrue(g.get("online/encoder/layer4/1/conv2/W").norm2Number().doubleValue() > 0);
    }
}
