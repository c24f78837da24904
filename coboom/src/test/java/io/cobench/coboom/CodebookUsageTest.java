package io.cobench.coboom;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.testing.SyntheticBatches;
import io.cobench.spi.OptimizerConfig;
import io.cobench.train.TrainConfig;
import io.cobench.train.TrainingSession;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Dead codes are the classic way a quantizer fails: all positions fall to a few codewords and
 * the rest never train. The tiny preset has K = 16 codes and 2B x 2 x 2 = 64 positions per
 * batch. A collapsed quantizer uses 1/16 of the codes; a healthy one assigning the positions
 * roughly uniformly would use 1 - (15/16)^64, about 98%. The threshold, half the codes on
 * average over the last four of 12 steps, separates the two with a wide margin on either side:
 * the data-initialised codebook kept 69-100% in use at every step of a 30-step run, while the
 * codebook of the official code's uniform init (U(-1/K, 1/K), a ball around the origin) fell to
 * a single code by step 6: the non-negative features all land nearest the one codeword best
 * aligned with them, and only that one is trained.
 */
@Tag("slow")
class CodebookUsageTest {
    static final double THRESHOLD = 0.5;
    static final int STEPS = 12;
    static final int LAST = 4;

    private static double lateUsage(CoBooMConfig cfg) {
        TrainConfig tc = new TrainConfig(1, STEPS, 8, 11, OptimizerConfig.sgd(0.05, 0.9, 0.0), 0, 1, 5);
        TrainingSession s = new TrainingSession(new CoBooM("coboom-nodec", cfg), Tiny.ENCODER_2X2, tc, STEPS);
        SyntheticBatches d = new SyntheticBatches(8, 1, 64, 8, 7);
        List<Double> usage = new ArrayList<>();
        for (int i = 0; i < STEPS; i++) {
            usage.add(s.step(i, d.batch(i)).metrics().get("code_usage"));
            if (i % 4 == 3) {
                System.gc();
            }
        }
        return usage.subList(STEPS - LAST, STEPS).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    @Test
    void dataInitialisedCodebookKeepsMostCodesInUse() {
        double u = lateUsage(Tiny.config("coboom-nodec"));
        assertTrue(u > THRESHOLD, "code usage over the last " + LAST + " steps " + u);
    }

    @Test
    void uniformInitialisedCodebookCollapsesBelowTheThreshold() {
        CoBooMConfig c = Tiny.config("coboom-nodec");
        QuantizerConfig q = c.quantizer();
        double u = lateUsage(Tiny.withQuantizer(c, new QuantizerConfig(q.size(), q.beta(), q.update(), q.decay(), q.eps(),
                q.emaInitCount(), q.distance(), QuantizerConfig.Init.UNIFORM, q.codebookLoss())));
        assertTrue(u < THRESHOLD, "code usage over the last " + LAST + " steps " + u);
    }
}
