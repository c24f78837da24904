package io.cobench.benchmark.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.cli.Cobench;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A grid never continues an unfinished pretraining run under other settings: it names the
 * differences and points to a new store (reproduce has no --accept-changes).
 */
class GridResumeConfigTest {

    private static String grid(Path tmp, int epochs) {
        return """
                name: tiny
                methods: [byol]
                protocols: [linear]
                datasets:
                  nih: [100]
                seeds: [0]
                selection: val
                encoder: {depth: 18, width: 4, channels: 1, imageSize: 32}
                pretrain: {presets: %s, epochs: %d, batchSize: 8, maxImages: 16}
                eval: %s
                data:
                  phantom: {dir: %s, size: 32, count: 40, seed: 0}
                  roots: {}
                  valFraction: 0.2
                """.formatted(Path.of("../configs/cpu").toAbsolutePath(), epochs,
                Path.of("../configs/eval/cpu.yaml").toAbsolutePath(), tmp.resolve("phantom"));
    }

    private static int run(StringWriter err, String... args) {
        var cl = Cobench.commandLine();
        cl.setErr(new PrintWriter(err, true));
        PrintStream saved = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            return cl.execute(args);
        } finally {
            System.setOut(saved);
        }
    }

    @Test
    void anUnfinishedPretrainingUnderOtherEpochsIsRefused(@TempDir Path tmp) throws Exception {
        Path cfg = tmp.resolve("tiny.yaml");
        Path store = tmp.resolve("store");
        Files.writeString(cfg, grid(tmp, 1));
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "reproduce", "--config", cfg.toString(), "--store", store.toString(), "--no-progress",
                "--no-report"), err.toString());
        // As if the pretraining had been killed after its last checkpoint, and nothing evaluated yet.
        Path pretrain = store.resolve("pretrain/byol__chest__s0");
        Files.delete(pretrain.resolve("DONE"));
        try (Stream<Path> s = Files.walk(store.resolve("eval"))) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        byte[] config = Files.readAllBytes(pretrain.resolve("config.yaml"));

        Files.writeString(cfg, grid(tmp, 2));
        StringWriter err2 = new StringWriter();
        assertEquals(2, run(err2, "reproduce", "--config", cfg.toString(), "--store", store.toString(), "--no-progress",
                "--no-report"), err2.toString());
        String line = err2.toString().strip();
        assertTrue(line.startsWith("error: pretraining byol__chest__s0 in the store was started under another config: "
                + "train.epochs: 1 -> 2; total_steps: 2 -> 4; a grid never continues a run under other settings"), line);
        assertEquals(1, line.lines().count(), line);
        assertEquals(new String(config), Files.readString(pretrain.resolve("config.yaml")));
    }
}
