package io.cobench.train;

import io.cobench.spi.OptimizerConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.batch.BatchSource;
import io.cobench.engine.Npz;
import io.cobench.graph.ResNetConfig;
import io.cobench.testing.TinyMethod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The state is verified before every save: a run whose weights or running statistics went bad
 * stops without a poisoned checkpoint, never ends as DONE, and keeps its last good checkpoint.
 */
class CheckpointSanityTest {
    private static final ResNetConfig ENC = new ResNetConfig(18, 1, 1, 32);

    /** Batches of 4 one-channel 4x4 images given by {@code step}, six steps per epoch. */
    record StepBatches(LongFunction<INDArray> images) implements BatchSource {
        @Override
        public Map<String, INDArray> batch(long step) {
            return Map.of("view1", images.apply(step));
        }

        @Override
        public long stepsPerEpoch() {
            return 6;
        }

        @Override
        public int batchSize() {
            return 4;
        }
    }

    /** +v and -v in a checkerboard: exactly zero mean, so {@code tiny/w} gets no gradient. */
    static INDArray zeroMean(double v) {
        INDArray a = Nd4j.zeros(DataType.FLOAT, 4, 1, 4, 4);
        for (int i = 0; i < a.length(); i++) {
            a.putScalar(i, i % 2 == 0 ? v : -v);
        }
        return a;
    }

    private static Trainer trainer() {
        TrainConfig tc = new TrainConfig(1, 0, 4, 1, OptimizerConfig.sgd(0.1, 0.0, 0.0), 1, 1, 0);
        return new Trainer(new TinyMethod(), ENC, tc, Map.of("method", "tiny"));
    }

    private static void assertStoppedWithGoodCheckpointAt3(Path run, NonFiniteException e, String variable) {
        assertTrue(e.getMessage().startsWith("state check after 4 steps: "), e.getMessage());
        assertTrue(e.getMessage().contains(variable), e.getMessage());
        assertTrue(e.getMessage().contains("step-00000003) is unchanged"), e.getMessage());
        assertFalse(Files.exists(run.resolve("DONE")));
        assertFalse(Files.exists(run.resolve("encoder.sd")));
        Checkpoints ckpt = new Checkpoints(run);
        assertEquals(List.of("step-00000002", "step-00000003"),
                ckpt.list().stream().map(p -> p.getFileName().toString()).toList());
        Checkpoints.Snapshot last = ckpt.latest();
        assertEquals(3, last.step());
        for (INDArray a : last.variables().values()) {
            assertTrue(Checkpoints.problem(a) == null);
        }
    }

    @Test
    void weightsDivergingUnderAFiniteLossStopTheRunBeforeDone(@TempDir Path tmp) {
        // Steps 0-2 leave w at 1; from step 3 a constant 1e12 input moves it by lr * 1e12 = 1e11,
        // while the loss (1e12) stays finite, as BYOL's scale-invariant loss does.
        Path run = tmp.resolve("run");
        StepBatches data = new StepBatches(s -> s < 3 ? zeroMean(1) : Nd4j.valueArrayOf(new long[] {4, 1, 4, 4}, 1e12f));
        NonFiniteException e = assertThrows(NonFiniteException.class,
                () -> trainer().run(data, run, new Trainer.Options(false, 0, false), Map.of(), null));
        assertTrue(e.getMessage().contains("diverged"), e.getMessage());
        assertStoppedWithGoodCheckpointAt3(run, e, "tiny/");
    }

    @Test
    void infiniteRunningVarianceUnderAFiniteLossIsNeverSaved(@TempDir Path tmp) {
        // +-3e19 squares to 9e38, beyond float32: the batch variance is infinite, the mean exactly 0,
        // and the normalised output 0, so loss and gradients stay finite; only the running variance breaks.
        Path run = tmp.resolve("run");
        StepBatches data = new StepBatches(s -> zeroMean(s < 3 ? 1 : 3e19));
        NonFiniteException e = assertThrows(NonFiniteException.class,
                () -> trainer().run(data, run, new Trainer.Options(false, 0, false), Map.of(), null));
        assertStoppedWithGoodCheckpointAt3(run, e, "tiny/bn/running_var");
    }

    @Test
    void checkpointsAreNpzNamedAsTheGraphVariables(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        // What a kill during a save leaves: a half-assembled checkpoint, removed when the run starts.
        Path half = run.resolve("checkpoints/.tmp-killed");
        Files.createDirectories(half);
        Files.write(half.resolve("variables.npz"), new byte[100]);
        trainer().run(new StepBatches(s -> zeroMean(1 + s)), run, new Trainer.Options(false, 0, false), Map.of(), null);
        Path last = run.resolve("checkpoints/step-00000006");
        Map<String, INDArray> vars = Npz.read(last.resolve("variables.npz"));
        assertEquals(java.util.Set.of("tiny/w", "tiny/bn/gamma", "tiny/bn/beta", "tiny/bn/running_mean",
                "tiny/bn/running_var"), vars.keySet());
        // w saw zero-mean inputs only: no gradient, still exactly its initial 1.
        assertEquals(1.0, vars.get("tiny/w").getDouble(0), 0.0);
        assertTrue(Files.exists(last.resolve("updaters.npz")));
        assertFalse(Files.exists(half));
    }

    @Test
    void updaterStateIsCheckedToo(@TempDir Path tmp) {
        Checkpoints ckpt = new Checkpoints(tmp);
        INDArray good = Nd4j.ones(DataType.FLOAT, 3);
        ckpt.save(new Checkpoints.Snapshot(1, Map.of("a", good), Map.of("g|a|m", good), Map.of()));
        INDArray bad = Nd4j.createFromArray(1f, Float.NaN, 2f);
        NonFiniteException e = assertThrows(NonFiniteException.class,
                () -> ckpt.save(new Checkpoints.Snapshot(2, Map.of("a", good), Map.of("g|a|m", bad), Map.of())));
        assertTrue(e.getMessage().contains("updater state 'g|a|m' holds 1 non-finite value(s) of 3"), e.getMessage());
        assertEquals(1, ckpt.latest().step());
        assertEquals(1, ckpt.list().size());
    }

    @Test
    void withoutCheckpointsADivergedRunStopsAtTheEndOfTheEpoch(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        TrainConfig tc = new TrainConfig(2, 0, 4, 1, OptimizerConfig.sgd(0.1, 0.0, 0.0), 0, 1, 0);
        // One huge batch at step 3 throws w to -1e11; the zero-mean batches after it leave it there
        // and keep the loss finite, so only a check of the state can notice.
        StepBatches data = new StepBatches(s -> s != 3 ? zeroMean(1) : Nd4j.valueArrayOf(new long[] {4, 1, 4, 4}, 1e12f));
        NonFiniteException e = assertThrows(NonFiniteException.class, () -> new Trainer(new TinyMethod(), ENC, tc,
                Map.of("method", "tiny")).run(data, run, new Trainer.Options(false, 0, false), Map.of(), null));
        assertTrue(e.getMessage().startsWith("state check after 6 steps: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("the last good checkpoint there is none yet"), e.getMessage());
        // Six of the twelve steps ran: the second epoch never started.
        assertEquals(6, Files.readAllLines(run.resolve("metrics.jsonl")).size());
        assertFalse(Files.exists(run.resolve("DONE")));
    }

    @Test
    void anAcceptedChangeThatDivergesAtOnceLeavesTheRunsRecordAlone(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        StepBatches data = new StepBatches(s -> s != 3 ? zeroMean(1) : Nd4j.valueArrayOf(new long[] {4, 1, 4, 4}, 1e12f));
        trainer().run(data, run, new Trainer.Options(false, 3, false), Map.of(), null);
        byte[] config = Files.readAllBytes(run.resolve("config.yaml"));
        byte[] prov = Files.readAllBytes(run.resolve("provenance.json"));
        TrainConfig faster = new TrainConfig(1, 0, 4, 1, OptimizerConfig.sgd(0.2, 0.0, 0.0), 1, 1, 0);
        Map<String, Object> cfg = Map.of("method", "tiny", "lr", 0.2);
        assertThrows(NonFiniteException.class, () -> new Trainer(new TinyMethod(), ENC, faster, cfg)
                .run(data, run, new Trainer.Options(true, 0, false, true), Map.of(), null));
        // No checkpoint was trained with the new values, so nothing may claim they were used.
        assertEquals(new String(config), Files.readString(run.resolve("config.yaml")));
        assertEquals(new String(prov), Files.readString(run.resolve("provenance.json")));
        assertEquals(3, new Checkpoints(run).latest().step());
    }

    /** A checkpoint as cobench wrote them before .npz: ND4J's binary format in zips. */
    private static void writeLegacy(Path file, Map<String, INDArray> arrays) throws Exception {
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            var data = new java.io.DataOutputStream(zip);
            for (var e : arrays.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                Nd4j.write(e.getValue(), data);
                data.flush();
                zip.closeEntry();
            }
        }
    }

    @Test
    void checkpointsOfTheOldFormatStillLoadAndPoisonedOnesAreNamed(@TempDir Path tmp) throws Exception {
        Path step = tmp.resolve("checkpoints/step-00000004");
        Files.createDirectories(step);
        writeLegacy(step.resolve("variables.zip"), Map.of("a/W", Nd4j.createFromArray(1f, 2f, 3f)));
        writeLegacy(step.resolve("updaters.zip"), Map.of("main|a/W|velocity", Nd4j.createFromArray(0f, 0f, 0f)));
        Files.writeString(step.resolve("state.json"), "{\"step\": 4, \"method\": \"tiny\"}");
        Checkpoints.Snapshot s = new Checkpoints(tmp).latest();
        assertEquals(4, s.step());
        assertEquals(List.of(1.0, 2.0, 3.0), java.util.Arrays.stream(s.variables().get("a/W").toDoubleVector())
                .boxed().toList());

        // What the old guard let through: an infinite BN running variance.
        writeLegacy(step.resolve("variables.zip"), Map.of("a/bn/running_var", Nd4j.createFromArray(1f, Float.POSITIVE_INFINITY)));
        io.cobench.cli.UserError e = assertThrows(io.cobench.cli.UserError.class, () -> new Checkpoints(tmp).latest());
        assertTrue(e.getMessage().contains("'a/bn/running_var' holds 1 non-finite value(s) of 2 (first Infinity)"),
                e.getMessage());
    }
}
