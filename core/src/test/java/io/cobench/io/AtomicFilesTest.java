package io.cobench.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic writes leave the same file, with the same mode, as an ordinary write, and no temp file. */
class AtomicFilesTest {

    @Test
    void newFileGetsTheModeOfAnOrdinaryWrite(@TempDir Path dir) throws Exception {
        Path plain = dir.resolve("plain.txt");
        Files.writeString(plain, "x");
        Path atomic = dir.resolve("atomic.txt");
        AtomicFiles.writeString(atomic, "hello");
        assertEquals("hello", Files.readString(atomic, StandardCharsets.UTF_8));
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(atomic)));
        try (var s = Files.list(dir)) {
            assertEquals(2, s.count(), "a temp file was left behind");
        }
    }

    @Test
    void replacedFileKeepsItsMode(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("result.csv");
        Files.writeString(f, "old");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        AtomicFiles.writeString(f, "new");
        assertEquals("new", Files.readString(f));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }
}
