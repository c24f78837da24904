package io.cobench.benchmark.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.cli.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {
    @TempDir
    Path tmp;

    @Test
    void storeBelongsToOneGrid() throws IOException {
        ResultsStore.open(tmp, "cpu-demo");
        assertTrue(Files.readString(tmp.resolve("store.json")).contains("\"grid\" : \"cpu-demo\""));
        ResultsStore.open(tmp, "cpu-demo");
        UserError e = assertThrows(UserError.class, () -> ResultsStore.open(tmp, "paper"));
        assertEquals("store " + tmp + " holds grid 'cpu-demo', not 'paper'; choose another --store", e.getMessage());
    }

    @Test
    void rowOrderRoundTripsToTheReports() {
        ResultsStore s = ResultsStore.open(tmp, "cpu-demo");
        s.recordRows(List.of("Sup.", "BYOL", "Ours w/Dec."));
        assertEquals(List.of("Sup.", "BYOL", "Ours w/Dec."), io.cobench.reports.store.StoreReader.open(tmp).rowOrder());
        s.recordRows(List.of("BYOL"));
        assertEquals(List.of("BYOL"), io.cobench.reports.store.StoreReader.open(tmp).rowOrder());
    }

    @Test
    void unfinishedDirectoryIsEmptiedAndFinishedOneProtected() throws IOException {
        Path dir = tmp.resolve("eval/x");
        Files.createDirectories(dir.resolve("masks"));
        Files.writeString(dir.resolve("masks/a.png"), "junk");
        Files.writeString(dir.resolve("metrics.json"), "half");
        ResultsStore.begin(dir);
        try (var s = Files.list(dir)) {
            assertEquals(0, s.count());
        }
        assertFalse(ResultsStore.isDone(dir));
        ResultsStore.finish(dir);
        assertTrue(ResultsStore.isDone(dir));
        assertThrows(IllegalStateException.class, () -> ResultsStore.begin(dir));
    }

    @Test
    void predictionTablesRoundTripExactly() {
        float[][] v = {{0.1f, 1e-9f}, {(float) Math.PI, 0.99999994f}};
        PredictionFiles.Table t = new PredictionFiles.Table(List.of("Mass", "No Finding"),
                List.of("00000001_000.png", "odd,\"id\""), v);
        Path f = tmp.resolve("p.csv");
        PredictionFiles.write(f, t);
        PredictionFiles.Table back = PredictionFiles.read(f);
        assertEquals(t.columns(), back.columns());
        assertEquals(t.ids(), back.ids());
        assertArrayEquals(v[0], back.values()[0], 0f);
        assertArrayEquals(v[1], back.values()[1], 0f);
    }

    @Test
    void malformedRowsAreNamedByLine() throws IOException {
        Path f = tmp.resolve("bad.csv");
        Files.writeString(f, "id,A\nx,0.5\ny,zz\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PredictionFiles.read(f));
        assertEquals(f + " line 3: 'zz' is not a number", e.getMessage());
    }
}
