package io.cobench.reports.cli;

import io.cobench.cli.CliRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report that cannot be written where --out says is one "error:" line and exit 2, not a stack trace. */
class ReportCommandErrorsTest {

    @Test
    void anOutThatIsAFileIsOneErrorLine(@TempDir Path tmp) throws Exception {
        Path store = tmp.resolve("store");
        Files.createDirectories(store);
        Files.writeString(store.resolve("store.json"), "{\"format\": 1, \"grid\": \"g\", \"created\": \"x\"}");
        Path out = tmp.resolve("report.txt");
        Files.writeString(out, "a file, not a directory");
        CliRun r = CliRun.run("report", "--store", store.toString(), "--out", out.toString(), "--bootstrap", "0");
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: could not write " + out), r.err());
        assertTrue(r.err().contains(out + "/tables: Not a directory"), r.err());
        assertEquals("a file, not a directory", Files.readString(out));
    }

    @Test
    void aStoreThatIsAFileIsOneErrorLine(@TempDir Path tmp) throws Exception {
        Path store = tmp.resolve("store");
        Files.writeString(store, "x");
        CliRun r = CliRun.run("report", "--store", store.toString(), "--out", tmp.resolve("r").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("error: results store not found: " + store + " is not a directory" + System.lineSeparator(), r.err());
    }
}
