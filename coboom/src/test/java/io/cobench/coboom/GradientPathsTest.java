package io.cobench.coboom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.cobench.testing.SyntheticBatches;
import io.cobench.spi.OptimizerConfig;
import io.cobench.train.TrainConfig;
import io.cobench.train.TrainingSession;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Which parameter groups each loss term reaches, per preset, term by term. Under
 * {@code quantize: target} the quantizer reads sg[y_phi], so L_q reaches only the codebook and
 * L_r only the decoder and DiversiFuse: the evaluated encoder learns from L1 and L2 alone, and
 * from L2 only through z_theta. Under {@code online} the commitment term, z' and L_r reach the
 * encoder too. The straight-through estimator keeps every term but L_q off the codebook.
 */
@Tag("slow")
class GradientPathsTest {
    /** Parameter groups by variable-name prefix; every trainable variable must fall in one. */
    private static final Map<String, String> GROUPS = Map.of(
            "online/encoder/", "encoder", "online/projector/", "projector", "online/predictor/", "predictor",
            "quantizer/", "codebook", "online/diversifuse/", "diversifuse", "online/fuse_projector/", "fuse_projector",
            "online/decoder/", "decoder");

    /** Gradient norm per group for each loss term, on one batch, with the preset at test scale (2x2 maps). */
    private static Map<String, Set<String>> reached(String preset) {
        TrainConfig tc = new TrainConfig(1, 1, 8, 3, OptimizerConfig.sgd(0.05, 0.9, 0.0), 0, 1, 0);
        TrainingSession s = new TrainingSession(new CoBooM(preset, Tiny.config(preset)), Tiny.ENCODER_2X2, tc, 1);
        Map<String, INDArray> ph = new HashMap<>(new SyntheticBatches(8, 1, 64, 8, 5).batch(0));
        ph.keySet().removeIf(k -> !s.sd().hasVariable(k));
        List<String> vars = s.trainableVariables();
        for (String v : vars) {
            assertNotNull(group(v), "trainable variable " + v + " is in no group");
        }
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (String term : List.of("l1", "l2", "l_q", "l_r")) {
            String lossVar = s.graph().lossTerms().get(term);
            if (lossVar == null) {
                continue;
            }
            s.sd().setLossVariables(lossVar);
            Map<String, INDArray> g = s.sd().calculateGradients(ph, vars);
            Map<String, Double> norm = new TreeMap<>();
            for (String v : vars) {
                INDArray gv = g.get(v);
                double n = gv == null ? 0 : gv.norm2Number().doubleValue();
                norm.merge(group(v), n * n, Double::sum);
            }
            Set<String> nonzero = new TreeSet<>();
            norm.forEach((k, n) -> {
                if (n > 0) {
                    nonzero.add(k);
                }
            });
            out.put(term, nonzero);
        }
        return out;
    }

    private static String group(String variable) {
        return GROUPS.entrySet().stream().filter(e -> variable.startsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    private static Set<String> set(String... groups) {
        return new TreeSet<>(List.of(groups));
    }

    @Test
    void fullPresetOnTheTargetMap() {
        Map<String, Set<String>> r = reached("coboom");
        assertEquals(set("encoder", "projector", "predictor"), r.get("l1"));
        assertEquals(set("encoder", "projector", "predictor", "diversifuse", "fuse_projector"), r.get("l2"));
        assertEquals(set("codebook"), r.get("l_q"));
        assertEquals(set("diversifuse", "decoder"), r.get("l_r"));
    }

    @Test
    void withoutDecoderOnTheTargetMap() {
        Map<String, Set<String>> r = reached("coboom-nodec");
        assertEquals(List.of("l1", "l2", "l_q"), List.copyOf(r.keySet()));
        assertEquals(set("encoder", "projector", "predictor"), r.get("l1"));
        assertEquals(set("encoder", "projector", "predictor", "diversifuse", "fuse_projector"), r.get("l2"));
        assertEquals(set("codebook"), r.get("l_q"));
    }

    @Test
    void withoutDiversiFuseOnTheTargetMap() {
        Map<String, Set<String>> r = reached("coboom-nodf");
        assertEquals(List.of("l1", "l2", "l_q"), List.copyOf(r.keySet()));
        assertEquals(set("encoder", "projector", "predictor"), r.get("l1"));
        assertEquals(set("encoder", "projector", "predictor", "fuse_projector"), r.get("l2"));
        assertEquals(set("codebook"), r.get("l_q"));
    }

    @Test
    void onlineVariantSendsTheCodebookBranchIntoTheEncoder() {
        Map<String, Set<String>> r = reached("coboom-online");
        assertEquals(set("encoder", "projector", "predictor"), r.get("l1"));
        assertEquals(set("encoder", "projector", "predictor", "diversifuse", "fuse_projector"), r.get("l2"));
        assertEquals(set("codebook", "encoder"), r.get("l_q"));
        assertEquals(set("encoder", "diversifuse", "decoder"), r.get("l_r"));
    }
}
