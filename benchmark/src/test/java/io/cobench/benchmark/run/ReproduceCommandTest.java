package io.cobench.benchmark.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.cli.Cobench;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job end to end on a tiny phantom grid: store, rerun, report. */
@Tag("slow")
class ReproduceCommandTest {
    @TempDir
    Path tmp;

    private int run(ByteArrayOutputStream out, String... args) {
        PrintStream saved = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            return Cobench.commandLine().execute(args);
        } finally {
            System.setOut(saved);
        }
    }

    @Test
    void fillsTheStoreContinuesAndWritesTheReport() throws IOException {
        Path cfg = tmp.resolve("tiny.yaml");
        Files.writeString(cfg, """
                name: tiny
                methods: [sup, swav-not-here]
                protocols: [linear, finetune]
                datasets:
                  nih: [100]
                seeds: [0]
                selection: val
                encoder: {depth: 18, width: 4, channels: 1, imageSize: 32}
                pretrain: {presets: %s, epochs: 1, batchSize: 8, maxImages: 0}
                eval: %s
                data:
                  phantom: {dir: %s, size: 32, count: 40, seed: 0}
                  roots: {}
                  valFraction: 0.2
                """.formatted(Path.of("../configs/cpu").toAbsolutePath(),
                Path.of("../configs/eval/cpu.yaml").toAbsolutePath(), tmp.resolve("phantom")));
        Path store = tmp.resolve("store");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, run(out, "reproduce", "--config", cfg.toString(), "--store", store.toString(), "--no-progress"));
        String log = out.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("method 'swav-not-here' (swav-not-here) is not registered"), log);
        assertTrue(log.contains("2 cells: 0 finished earlier, 2 evaluated now; 0 failed unit(s)"), log);
        assertTrue(Files.isRegularFile(store.resolve("eval/linear__nih__f100__sup__s0/DONE")));
        assertTrue(Files.isRegularFile(store.resolve("eval/finetune__nih__f100__sup__s0/DONE")));
        Path report = tmp.resolve("store-report/report.md");
        assertTrue(Files.isRegularFile(report), log);
        assertTrue(Files.readString(report).contains("| Sup. |"));
        assertTrue(!Files.readString(report).contains("## Protocol against the paper"));

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        assertEquals(0, run(again, "reproduce", "--config", cfg.toString(), "--store", store.toString(),
                "--no-progress", "--no-report"));
        assertTrue(again.toString(StandardCharsets.UTF_8).contains("2 cells: 2 finished earlier, 0 evaluated now"),
                again.toString(StandardCharsets.UTF_8));

        // --paper-compare puts the paper's values in the report, preceded by the protocol differences.
        Path compared = tmp.resolve("compared");
        assertEquals(0, run(new ByteArrayOutputStream(), "reproduce", "--config", cfg.toString(), "--store",
                store.toString(), "--no-progress", "--paper-compare", "--report", compared.toString()));
        String md = Files.readString(compared.resolve("report.md"));
        int protocol = md.indexOf("## Protocol against the paper");
        assertTrue(protocol >= 0 && protocol < md.indexOf("## Comparison with the paper"), md);
        assertTrue(md.contains("| `init-random` | all |"), md);
        assertTrue(Files.isRegularFile(compared.resolve("paper/protocol_against_paper.md")));
    }

    @Test
    void anotherGridCannotWriteIntoTheStore() throws IOException {
        Path store = tmp.resolve("s");
        Files.createDirectories(store);
        Files.writeString(store.resolve("store.json"), "{\"format\": 1, \"grid\": \"other\", \"created\": \"x\"}");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream err = System.err;
        ByteArrayOutputStream errs = new ByteArrayOutputStream();
        System.setErr(new PrintStream(errs, true, StandardCharsets.UTF_8));
        try {
            assertEquals(2, run(out, "reproduce", "--store", store.toString(), "--config",
                    Path.of("../configs/grids/cpu-demo.yaml").toString(), "--no-progress"));
        } finally {
            System.setErr(err);
        }
        assertTrue(errs.toString(StandardCharsets.UTF_8).contains("holds grid 'other', not 'cpu-demo'"),
                errs.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aStoreThatIsAFileIsOneErrorLine() throws IOException {
        Path store = tmp.resolve("store-file");
        Files.writeString(store, "not a directory");
        var cl = Cobench.commandLine();
        java.io.StringWriter err = new java.io.StringWriter();
        cl.setErr(new java.io.PrintWriter(err, true));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = cl.execute("reproduce", "--store", store.toString(), "--config",
                    Path.of("../configs/grids/cpu-demo.yaml").toString(), "--no-progress");
        } finally {
            System.setOut(saved);
        }
        assertEquals(2, code, err.toString());
        assertEquals("error: store " + store + " is a file; a store is a directory (choose another --store)"
                + System.lineSeparator(), err.toString());
        assertEquals("not a directory", Files.readString(store));
    }
}
