package io.cobench.train;

import io.cobench.spi.OptimizerConfig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.cli.UserError;
import io.cobench.graph.ResNetConfig;
import io.cobench.io.Json;
import io.cobench.testing.SyntheticBatches;
import io.cobench.testing.TinyMethod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --resume continues only the run the checkpoint belongs to, and rewrites none of its history. */
class ResumeConfigTest {
    private static final ResNetConfig ENC = new ResNetConfig(18, 1, 1, 32);

    private static TrainConfig train(long seed, double lr, int checkpointEvery) {
        // 8 pool images, batch 4: 2 steps per epoch, 6 steps in all.
        return new TrainConfig(3, 0, 4, seed, OptimizerConfig.sgd(lr, 0.9, 0.0), checkpointEvery, 1, 0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolved(TrainConfig t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", "tiny");
        m.put("train", Json.JSON.convertValue(t, Map.class));
        return m;
    }

    private static Trainer.Result run(Path dir, TrainConfig t, Trainer.Options opt) {
        return new Trainer(new TinyMethod(), ENC, t, resolved(t))
                .run(new SyntheticBatches(4, 1, 32, 8, 3), dir, opt, Map.of(), null);
    }

    private static Map<?, ?> provenance(Path dir) {
        return Json.readJson(dir.resolve("provenance.json"), Map.class);
    }

    @Test
    void changedSeedAndLearningRateAreRefusedWithEachDifferenceAndNothingIsRewritten(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        run(dir, train(1, 0.01, 1), new Trainer.Options(false, 2, false));
        byte[] config = Files.readAllBytes(dir.resolve("config.yaml"));
        byte[] prov = Files.readAllBytes(dir.resolve("provenance.json"));

        UserError e = assertThrows(UserError.class, () -> run(dir, train(2, 0.05, 1), new Trainer.Options(true, 0, false)));
        assertTrue(e.getMessage().contains("train.seed: 1 -> 2"), e.getMessage());
        assertTrue(e.getMessage().contains("train.optimizer.baseLr: 0.01 -> 0.05"), e.getMessage());
        assertTrue(e.getMessage().contains("--accept-changes"), e.getMessage());
        assertArrayEquals(config, Files.readAllBytes(dir.resolve("config.yaml")));
        assertArrayEquals(prov, Files.readAllBytes(dir.resolve("provenance.json")));
        assertEquals(2, new Checkpoints(dir).latest().step());
    }

    @Test
    void acceptedChangesAreRecordedAndConfigYamlThenSaysWhatTheWeightsSeeFromThere(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        run(dir, train(1, 0.01, 1), new Trainer.Options(false, 2, false));
        Trainer.Result r = run(dir, train(1, 0.02, 1), new Trainer.Options(true, 0, false, true));
        assertTrue(r.finished());
        List<?> resumes = (List<?>) provenance(dir).get("resumes");
        assertEquals(1, resumes.size());
        Map<?, ?> entry = (Map<?, ?>) resumes.get(0);
        assertEquals(2, ((Number) entry.get("from_step")).intValue());
        assertEquals(List.of("train.optimizer.baseLr: 0.01 -> 0.02"), entry.get("config_changes"));
        assertTrue(Files.readString(dir.resolve("config.yaml")).contains("baseLr: 0.02"));
    }

    @Test
    void howOftenToSaveMayChangeAndAResumeKeepsTheStartAndTheFirstLosses(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        Trainer.Result part = run(dir, train(1, 0.01, 1), new Trainer.Options(false, 2, false));
        Object started = provenance(dir).get("started");
        byte[] config = Files.readAllBytes(dir.resolve("config.yaml"));
        Thread.sleep(5);
        Trainer.Result r = run(dir, train(1, 0.01, 3), new Trainer.Options(true, 0, false));
        assertTrue(r.finished());
        Map<?, ?> prov = provenance(dir);
        assertEquals(started, prov.get("started"));
        assertEquals(part.firstLosses().get("loss"), ((Number) ((Map<?, ?>) prov.get("first_losses")).get("loss"))
                .doubleValue(), 0.0);
        assertEquals(part.firstLosses(), r.firstLosses());
        // The save interval is not part of what the weights saw: config.yaml is left as it was.
        assertArrayEquals(config, Files.readAllBytes(dir.resolve("config.yaml")));
    }

    @Test
    void resumingAFinishedRunTouchesNothing(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        Trainer.Result full = run(dir, train(1, 0.01, 2), new Trainer.Options(false, 0, false));
        Map<String, byte[]> before = new LinkedHashMap<>();
        for (String f : List.of("provenance.json", "DONE", "config.yaml", "metrics.jsonl")) {
            before.put(f, Files.readAllBytes(dir.resolve(f)));
        }
        Trainer.Result again = run(dir, train(1, 0.01, 2), new Trainer.Options(true, 0, false));
        assertTrue(again.finished());
        assertNull(again.session());
        assertEquals(6, again.stepsDone());
        assertEquals(full.firstLosses(), again.firstLosses());
        assertEquals(full.lastLosses(), again.lastLosses());
        for (var e : before.entrySet()) {
            assertArrayEquals(e.getValue(), Files.readAllBytes(dir.resolve(e.getKey())), e.getKey());
        }
    }

    @Test
    void anotherMethodIsAConfigDifference(@TempDir Path tmp) {
        Path dir = tmp.resolve("run");
        run(dir, train(1, 0.01, 1), new Trainer.Options(false, 2, false));
        TrainConfig t = train(1, 0.01, 1);
        Map<String, Object> other = resolved(t);
        other.put("method", "byol");
        UserError e = assertThrows(UserError.class, () -> new Trainer(new TinyMethod(), ENC, t, other)
                .run(new SyntheticBatches(4, 1, 32, 8, 3), dir, new Trainer.Options(true, 0, false), Map.of(), null));
        assertTrue(e.getMessage().contains("method: tiny -> byol"), e.getMessage());
    }
}
