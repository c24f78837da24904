package io.cobench.baselines.byol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.graph.ResNetConfig;
import io.cobench.testing.SyntheticBatches;
import io.cobench.spi.OptimizerConfig;
import io.cobench.train.TrainConfig;
import io.cobench.train.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A run interrupted at step k and resumed ends where an uninterrupted run ends. */
@Tag("slow")
class ByolResumeTest {

    @Test
    void interruptedAndResumedRunMatchesUninterruptedRun(@TempDir Path tmp) throws Exception {
        ResNetConfig enc = new ResNetConfig(18, 4, 1, 32);
        // LARS with warmup and cosine, so the schedule position must be restored too.
        TrainConfig tc = new TrainConfig(3, 0, 8, 5, OptimizerConfig.lars(0.3, 1e-4).withWarmup(0.3), 2, 1, 2);
        Map<String, Object> cfg = Map.of("method", "byol");

        Trainer.Result full = new Trainer(new Byol("byol", ByolTest.tiny()), enc, tc, cfg)
                .run(new SyntheticBatches(8, 1, 32, 16, 3), tmp.resolve("full"), Trainer.Options.fresh(), Map.of(), null);
        assertTrue(full.finished());
        assertEquals(6, full.stepsDone());

        Trainer.Result part = new Trainer(new Byol("byol", ByolTest.tiny()), enc, tc, cfg)
                .run(new SyntheticBatches(8, 1, 32, 16, 3), tmp.resolve("cut"), new Trainer.Options(false, 3, false),
                        Map.of(), null);
        assertFalse(part.finished());
        assertFalse(Files.exists(tmp.resolve("cut/DONE")));

        Trainer.Result resumed = new Trainer(new Byol("byol", ByolTest.tiny()), enc, tc, cfg)
                .run(new SyntheticBatches(8, 1, 32, 16, 3), tmp.resolve("cut"), new Trainer.Options(true, 0, false),
                        Map.of(), null);
        assertTrue(resumed.finished());
        assertTrue(Files.exists(tmp.resolve("cut/DONE")));
        assertTrue(Files.exists(tmp.resolve("cut/encoder.sd")));

        Map<String, INDArray> a = full.session().variables();
        Map<String, INDArray> b = resumed.session().variables();
        assertEquals(a.keySet(), b.keySet());
        for (String n : a.keySet()) {
            assertTrue(a.get(n).equalsWithEps(b.get(n), 1e-5), "differs after resume: " + n);
        }
        assertEquals(full.lastLosses().get("loss"), resumed.lastLosses().get("loss"), 1e-5);
        // The metrics log holds each step once after the resume.
        long lines = Files.readAllLines(tmp.resolve("cut/metrics.jsonl")).stream().filter(l -> !l.isBlank()).count();
        assertEquals(6, lines);
    }
}
