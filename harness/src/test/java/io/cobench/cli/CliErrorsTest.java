package io.cobench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failure the user caused is one "error:" line and exit 2; a bug keeps its stack trace. */
class CliErrorsTest {

    record Ran(int code, String err) {
    }

    static Ran run(String... args) {
        var cl = Cobench.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        int code = cl.execute(args);
        return new Ran(code, err.toString());
    }

    private static void assertOneErrorLine(Ran r, String expected) {
        assertEquals(2, r.code(), r.err());
        assertEquals("error: " + expected + System.lineSeparator(), r.err());
    }

    @Test
    void aMissingConfigIsOneLine(@TempDir Path tmp) {
        Path f = tmp.resolve("nope.yaml");
        assertOneErrorLine(run("pretrain", "--config", f.toString()), "config file not found: " + f);
    }

    @Test
    void aDuplicateKeyIsOneLineWithFileAndLine(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("dup.yaml");
        Files.writeString(f, "method: byol\nmethod: simclr\n");
        assertOneErrorLine(run("pretrain", "--config", f.toString()), f + ":2: Duplicate field 'method'");
    }

    @Test
    void anOutputUnderAFileIsOneLine(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("file");
        Files.writeString(file, "x");
        Ran r = run("phantom", "--out", file.resolve("sub").toString(), "--count", "20", "--size", "32");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("error: "), r.err());
        assertTrue(r.err().contains(file.toString()), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void stacktraceFlagAddsTheTrace(@TempDir Path tmp) {
        Path f = tmp.resolve("nope.yaml");
        Ran r = run("--stacktrace", "pretrain", "--config", f.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: config file not found: " + f), r.err());
        assertTrue(r.err().contains("at io.cobench.run.RunConfig.load"), r.err());
    }

    @Test
    void ioFailuresAreDescribedByTheirKind() {
        // As AtomicFiles reports a store directory it may not write (root passes every permission check,
        // so this is built by hand rather than provoked).
        assertEquals("could not write /s/store.json: permission denied: /s",
                Cobench.userFailure(new UncheckedIOException("could not write /s/store.json: /s",
                        new AccessDeniedException("/s"))));
        assertEquals("could not write /ro/a.csv: /ro/.a.csv.tmp: Read-only file system",
                Cobench.userFailure(new UncheckedIOException("could not write /ro/a.csv: /ro/.a.csv.tmp: Read-only file system",
                        new FileSystemException("/ro/.a.csv.tmp", null, "Read-only file system"))));
        assertEquals("bad value", Cobench.userFailure(new IllegalStateException("wrapped", new UserError("bad value"))));
    }

    @Test
    void aBugIsNotDressedUpAsAUserError() {
        assertNull(Cobench.userFailure(new IllegalStateException("invariant broken")));
        assertNull(Cobench.userFailure(new NullPointerException()));
    }

    @Test
    void anOverrideOutOfRangeIsOneLine() {
        Path cfg = Path.of("../configs/cpu/byol.yaml");
        assertOneErrorLine(run("pretrain", "--config", cfg.toString(), "--epochs", "0"),
                "--epochs/--max-steps/--seed over " + cfg + ": train: need epochs >= 1, batchSize >= 1, logEvery >= 1, "
                        + "gcEvery >= 0, checkpointEvery >= 0, maxSteps >= 0");
    }

    @Test
    void aBadImagePolicyIsRefusedBeforeAnyDataIsMade(@TempDir Path tmp) {
        Path phantom = tmp.resolve("phantom");
        assertOneErrorLine(run("pretrain", "--config", "../configs/cpu/byol.yaml", "--on-bad-image", "maybe",
                "--phantom-dir", phantom.toString()), "bad-image policy 'maybe': expected fail or skip");
        assertTrue(Files.notExists(phantom));
    }
}
