package io.cobench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.cli.UserError;
import io.cobench.io.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A pretraining config names its data root as a grid does: data.roots.<dataset>. */
class DataRootConfigTest {
    private static final String HEAD = "method: byol\nencoder: {depth: 18, width: 8, channels: 1, imageSize: 32}\n"
            + "train: {epochs: 1, maxSteps: 0, batchSize: 4, seed: 0, optimizer: {type: lars, baseLr: 1.0, scaleByBatch: true, "
            + "weightDecay: 1.5e-6, momentum: 0.9, beta1: 0.9, beta2: 0.999, eps: 1.0e-8, eta: 0.001, warmupFraction: 0.1, "
            + "finalLrFraction: 0.0, clipNorm: 0.0}, checkpointEvery: 0, logEvery: 1, gcEvery: 0}\n";

    private static RunConfig parse(String data) throws Exception {
        return RunConfig.parse(Json.YAML.readTree(HEAD + data), "c.yaml");
    }

    @Test
    void rootsKeyDeprecatedRootAndNeither() throws Exception {
        assertEquals("/d/nih", parse("data: {dataset: nih, roots: {nih: /d/nih, siim: /d/siim}, limit: 0, workers: 1}\n")
                .data().datasetRoot());
        RunConfig old = parse("data: {dataset: nih, root: /old/nih, limit: 0, workers: 1}\n");
        assertEquals("/old/nih", old.data().datasetRoot());
        assertEquals("/old/nih", old.data().root());
        assertNull(parse("data: {dataset: eyepacs, roots: {nih: /d/nih}, limit: 0, workers: 1}\n").data().datasetRoot());
        UserError both = assertThrows(UserError.class,
                () -> parse("data: {dataset: nih, root: /a, roots: {nih: /b}, limit: 0, workers: 1}\n"));
        assertTrue(both.getMessage().contains("give roots.nih only (root is its deprecated spelling)"), both.getMessage());
    }

    @Test
    void shippedConfigsUseTheRootsKey() throws Exception {
        for (String dir : new String[] {"../configs/cpu", "../configs/paper", "../configs/base"}) {
            try (var files = java.nio.file.Files.list(Path.of(dir))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                    String text = java.nio.file.Files.readString(f);
                    assertFalse(text.matches("(?s).*\\broot:.*"), f + " still uses data.root");
                    if (!dir.endsWith("base")) {
                        // Presets inherit data.roots from their scale's base.
                        assertNull(io.cobench.run.RunConfig.load(f).data().root(), f.toString());
                    }
                }
            }
        }
    }
}
