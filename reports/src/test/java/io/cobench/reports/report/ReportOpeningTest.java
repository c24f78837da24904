package io.cobench.reports.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.reports.StoreFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a reader meets first: the data's origin, the compact significance table, the pointing game. */
class ReportOpeningTest {
    @TempDir
    Path tmp;

    private static void cell(Path store, int fraction, String row, int seed, double value, boolean phantom) {
        Path dir = StoreFixture.writeCell(store, StoreFixture.Cell.of("linear", "NIH", fraction, row, seed), value,
                Map.of(), true);
        StoreFixture.write(dir.resolve("provenance.json"), phantom
                ? "{\"config\": {\"data\": {\"phantom\": {\"size\": 64, \"count\": 800, \"seed\": 0}}}}"
                : "{\"config\": {\"data\": \"real\"}}");
    }

    private String report(Path store) throws IOException {
        Path out = tmp.resolve("out");
        ReportBuilder.write(new ReportOptions(store, out, 15, false, 0, 0));
        return Files.readString(out.resolve("report.md"));
    }

    @Test
    void phantomFirstBestBaselinePerColumnAndPointing() throws IOException {
        Path store = StoreFixture.init(tmp.resolve("store"));
        // NIH 1%: SimCLR has the best mean but one seed, so its seed test cannot run.
        cell(store, 1, "Ours w/Dec.", 0, 0.70, true);
        cell(store, 1, "Ours w/Dec.", 1, 0.72, true);
        cell(store, 1, "BYOL", 0, 0.60, true);
        cell(store, 1, "BYOL", 1, 0.66, true);
        cell(store, 1, "SimCLR", 0, 0.80, true);
        // NIH 10%: differences 0.10 and 0.15, t = 0.125 / (0.0353553 / sqrt 2) = 5.0 on 1 df,
        // p = 1 - 2 atan(5) / pi = 0.125666. NIH 1% BYOL: differences 0.10, 0.06, t = 4.0,
        // p = 1 - 2 atan(4) / pi = 0.155958. Holm over the two defined seed tests: 2 x 0.125666 = 0.2513.
        cell(store, 10, "Ours w/Dec.", 0, 0.70, true);
        cell(store, 10, "Ours w/Dec.", 1, 0.80, true);
        cell(store, 10, "BYOL", 0, 0.60, true);
        cell(store, 10, "BYOL", 1, 0.65, true);
        StoreFixture.write(store.resolve("gradcam/pointing.csv"),
                "method,class,images,hits,score\ncoboom,Mass,4,1,0.250000\nbyol,Mass,3,0,0.000000\n");
        String md = report(store);
        assertTrue(md.startsWith("# cobench report\n\n> **Data: PHANTOM.** Every cell ran on generated phantom "
                + "datasets (NIH)"), md);
        assertTrue(md.contains("| NIH 1% | 71.00 | SimCLR 80.00 | -9.00 | seeds too few (n = 1) | not run |"), md);
        assertTrue(md.contains("| NIH 10% | 75.00 | BYOL 62.50 | +12.50 | n = 2, p = 0.2513 | not run |"), md);
        assertTrue(md.contains("| Method | Mass |\n|:--|--:|\n| BYOL | 0/3 (0%) |\n| Ours w/Dec. | 1/4 (25%) |\n"), md);
        assertTrue(Files.readString(tmp.resolve("out/tables/table1.md")).startsWith("> Data: PHANTOM (NIH), generated "
                + "images, not real medical data; these numbers test the machinery, not the methods.\n\n"));
        assertTrue(Files.readString(tmp.resolve("out/tables/table1.tex")).startsWith("% Data: PHANTOM (NIH)"));
        assertTrue(Files.readString(tmp.resolve("out/gradcam/pointing.csv")).equals(
                "method,row,class,images,hits,hit_rate_pct\ncoboom,Ours w/Dec.,Mass,4,1,25.0\nbyol,BYOL,Mass,3,0,0.0\n"));
        // The long per-baseline listing lives in its own file, not in report.md.
        assertFalse(md.contains("| t | p | p (Holm) |"), md);
    }

    @Test
    void realAndUnrecordedDataAreNamed() throws IOException {
        Path store = StoreFixture.init(tmp.resolve("store"));
        cell(store, 1, "Ours w/Dec.", 0, 0.70, false);
        assertTrue(report(store).contains("> **Data: real.** Every cell ran on the real datasets (NIH)."));
        StoreFixture.writeCell(store, StoreFixture.Cell.of("linear", "SIIM", 100, "BYOL", 0), 0.5, Map.of(), true);
        String md = report(store);
        assertTrue(md.contains("> **Data: mixed or unrecorded.** Real: NIH. Not recorded in the cells' provenance: "
                + "SIIM."), md);
    }
}
