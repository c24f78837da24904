package io.cobench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cobench.cli.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A required field never defaults silently: each mistake is one message naming file and field. */
class RunConfigStrictTest {
    private static final String OPT = "{type: sgd, baseLr: 0.1, scaleByBatch: false, weightDecay: 0.0, momentum: 0.9, "
            + "beta1: 0.9, beta2: 0.999, eps: 1.0e-8, eta: 0.001, warmupFraction: 0.0, finalLrFraction: 0.0, clipNorm: 0.0}";

    private static String config(String train, String opt) {
        return "method: byol\n"
                + "encoder: {depth: 18, width: 4, channels: 1, imageSize: 32}\n"
                + "train:\n" + train
                + "  optimizer: " + opt + "\n"
                + "data: {dataset: nih, roots: {}, limit: 0, workers: 1}\n";
    }

    private static final String TRAIN = "  epochs: 3\n  maxSteps: 0\n  batchSize: 8\n  seed: 4\n"
            + "  checkpointEvery: 0\n  logEvery: 1\n  gcEvery: 0\n";

    private static String error(Path dir, String yaml) throws Exception {
        Path f = dir.resolve("run.yaml");
        Files.writeString(f, yaml);
        return assertThrows(UserError.class, () -> RunConfig.load(f)).getMessage().replace(f.toString(), "run.yaml");
    }

    @Test
    void theCompleteConfigLoads(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("run.yaml");
        Files.writeString(f, config(TRAIN, OPT));
        RunConfig c = RunConfig.load(f);
        assertEquals(3, c.train().epochs());
        assertEquals(4, c.train().seed());
        assertEquals(0.1, c.train().optimizer().baseLr(), 0.0);
    }

    @Test
    void missingBaseLrIsAnError(@TempDir Path dir) throws Exception {
        assertEquals("run.yaml: train.optimizer.baseLr: required field is missing",
                error(dir, config(TRAIN, OPT.replace("baseLr: 0.1, ", ""))));
    }

    @Test
    void nullBaseLrIsAnError(@TempDir Path dir) throws Exception {
        assertEquals("run.yaml: train.optimizer.baseLr: null where a double is required",
                error(dir, config(TRAIN, OPT.replace("baseLr: 0.1", "baseLr: null"))));
    }

    @Test
    void missingSeedIsAnError(@TempDir Path dir) throws Exception {
        assertEquals("run.yaml: train.seed: required field is missing",
                error(dir, config(TRAIN.replace("  seed: 4\n", ""), OPT)));
    }

    @Test
    void aFractionForAnIntegerIsAnError(@TempDir Path dir) throws Exception {
        assertEquals("run.yaml: train.epochs: 2.9 is not an integer (int)",
                error(dir, config(TRAIN.replace("epochs: 3", "epochs: 2.9"), OPT)));
    }

    @Test
    void aKeyGivenTwiceIsAnErrorWithItsLine(@TempDir Path dir) throws Exception {
        String m = error(dir, config(TRAIN + "  epochs: 9\n", OPT));
        // Line 11 of the file holds the second 'epochs'.
        assertEquals("run.yaml:11: Duplicate field 'epochs'", m);
    }

    @Test
    void missingRootsIsAnErrorUnlessTheDeprecatedRootIsGiven(@TempDir Path dir) throws Exception {
        assertEquals("run.yaml: data.roots: required field is missing",
                error(dir, config(TRAIN, OPT).replace("roots: {}, ", "")));
    }

    @Test
    void theDeprecatedRootAloneStillLoads(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("run.yaml");
        Files.writeString(f, config(TRAIN, OPT).replace("roots: {}, ", "root: /data/nih, "));
        assertEquals("/data/nih", RunConfig.load(f).data().datasetRoot());
    }

    @Test
    void theDeprecatedRootMayBeLeftOutBesideRoots(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("run.yaml");
        Files.writeString(f, config(TRAIN, OPT).replace("roots: {}, ", "roots: {nih: /data/nih}, "));
        RunConfig c = RunConfig.load(f);
        assertEquals(null, c.data().root());
        assertEquals("/data/nih", c.data().roots().get("nih"));
    }
}
