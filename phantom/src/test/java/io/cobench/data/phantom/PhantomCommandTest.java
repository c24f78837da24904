package io.cobench.data.phantom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.cli.Cobench;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line: writes what was asked, refuses to mix with existing files, names bad values. */
class PhantomCommandTest {
    private static int run(StringWriter err, String... args) {
        CommandLine cl = Cobench.commandLine();
        cl.setErr(new PrintWriter(err, true));
        cl.getSubcommands().get("phantom").setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void writesTheChosenDatasetsAndOnlyReplacesPhantomOutputWithForce(@TempDir Path out) throws Exception {
        StringWriter err = new StringWriter();
        String[] args = {"phantom", "--out", out.toString(), "--size", "32", "--count", "20", "--datasets", "nih,siim",
            "--layout", "box", "--quiet"};
        assertEquals(0, run(err, args));
        assertTrue(Files.isRegularFile(out.resolve("nih/images/00000001_000.png")), "box layout: flat images/");
        assertTrue(Files.isRegularFile(out.resolve("siim/train-rle.csv")));
        assertFalse(Files.exists(out.resolve("odir")));
        assertTrue(Files.readString(out.resolve("phantom.json")).contains("\"size\" : 32"));

        assertEquals(2, run(err, args));
        assertTrue(err.toString().contains("--force"), err.toString());
        String[] forced = java.util.Arrays.copyOf(args, args.length + 1);
        forced[args.length] = "--force";
        assertEquals(0, run(new StringWriter(), forced));

        Files.delete(out.resolve("phantom.json"));
        StringWriter err2 = new StringWriter();
        assertEquals(2, run(err2, forced));
        assertTrue(err2.toString().contains("not phantom output"), err2.toString());
    }

    @Test
    void badValuesAreNamed(@TempDir Path out) {
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "phantom", "--out", out.toString(), "--layout", "flat"));
        assertTrue(err.toString().contains("--layout flat"), err.toString());
        assertEquals(2, run(err, "phantom", "--out", out.toString(), "--datasets", "nih,chexpert"));
        assertTrue(err.toString().contains("chexpert"), err.toString());
        assertEquals(2, run(err, "phantom", "--out", out.toString(), "--size", "8"));
        assertTrue(err.toString().contains("size 8"), err.toString());
    }

    @Test
    void aFailedRunLeavesNoWriterRunning(@TempDir Path tmp) throws Exception {
        // An output under a regular file fails at the first image; writers still in flight once the
        // error was reported could create the folders after a caller removed that file.
        Path file = tmp.resolve("file");
        Files.writeString(file, "x");
        PhantomConfig cfg = PhantomConfig.defaults(file.resolve("sub")).withSize(32).withCount(200).withThreads(2);
        assertThrows(RuntimeException.class, () -> PhantomGenerator.generate(cfg, false));
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("phantom")),
                "a phantom writer thread outlived the failed run");
    }
}
