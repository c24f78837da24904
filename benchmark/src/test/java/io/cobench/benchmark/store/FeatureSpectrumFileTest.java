package io.cobench.benchmark.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.cli.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** feature_spectrum.csv as a reader meets it: read back exactly, and every defect named by file and line. */
class FeatureSpectrumFileTest {
    @TempDir
    Path tmp;

    @Test
    void readsTheEigenvaluesInOrder() throws IOException {
        Path f = Files.writeString(tmp.resolve(CellWriter.SPECTRUM), "component,eigenvalue\n1,2.5\n2,0.25\n3,0.0\n");
        assertArrayEquals(new double[] {2.5, 0.25, 0.0}, CellWriter.readSpectrum(f).eigenvalues(), 0);
    }

    @Test
    void namesTheFileAndLineOfADefect() throws IOException {
        Path header = Files.writeString(tmp.resolve("a.csv"), "index,value\n1,2\n");
        assertTrue(assertThrows(UserError.class, () -> CellWriter.readSpectrum(header)).getMessage()
                .contains("a.csv: line 1"));
        Path skipped = Files.writeString(tmp.resolve("b.csv"), "component,eigenvalue\n1,2\n3,1\n");
        assertTrue(assertThrows(UserError.class, () -> CellWriter.readSpectrum(skipped)).getMessage()
                .contains("b.csv: line 3 '3,1'"));
        Path negative = Files.writeString(tmp.resolve("c.csv"), "component,eigenvalue\n1,-0.5\n");
        assertTrue(assertThrows(UserError.class, () -> CellWriter.readSpectrum(negative)).getMessage()
                .contains("c.csv: line 2: eigenvalue -0.5"));
    }
}
