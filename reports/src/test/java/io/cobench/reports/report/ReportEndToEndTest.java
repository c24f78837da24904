package io.cobench.reports.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.cli.Cobench;
import io.cobench.reports.StoreFixture;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code cobench report} over a hand-made store writes every table, test and figure. */
@Tag("slow")
class ReportEndToEndTest {

    @TempDir
    Path tmp;

    private static int report(StringWriter err, String... args) {
        CommandLine cl = Cobench.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    private static BufferedImage png(Path p) throws IOException {
        BufferedImage img = ImageIO.read(p.toFile());
        assertTrue(img != null, p + " is not a readable PNG");
        return img;
    }

    @Test
    void fullReport() throws IOException {
        Path store = StoreFixture.syntheticStore(tmp.resolve("store"), 2, true);
        Path out = tmp.resolve("out");
        StringWriter err = new StringWriter();
        assertEquals(0, report(err, "report", "--store", store.toString(), "--out", out.toString(), "--paper-compare",
                "--bootstrap", "50"), err.toString());
        for (String f : List.of("report.md", "tables/table1.md", "tables/table1.csv", "tables/table1.tex",
                "tables/table1_cells.csv", "tables/table1_runs.csv", "tables/table2.md", "tables/table2.csv",
                "tables/table2.tex", "paper/table1_vs_paper.md", "paper/table2_vs_paper.csv",
                "significance/significance.md", "significance/significance.csv", "significance/auc_ci.csv")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        String md = Files.readString(out.resolve("report.md"));
        for (String s : List.of("## Table 1", "## Table 2", "## Comparison with the paper", "## Significance",
                "![Grad-CAM panel](figures/gradcam_panel.png)", "![Codebook usage and perplexity](figures/codebook.png)",
                "| Ours w/Dec. |", "seeds: paired t-test, p (Holm)", "test images: p (Holm)",
                "1 unfinished run director(ies) without DONE were left out, first: eval/linear__nih__f1__coboom__s99",
                "AUC of class 'Hernia' is undefined")) {
            assertTrue(md.contains(s), s);
        }
        // Every test, baseline by baseline, is in the significance file that report.md links to.
        String sig = Files.readString(out.resolve("significance/significance.md"));
        for (String s : List.of("bootstrap (images)", "t-test (images)", "t-test (seeds)")) {
            assertTrue(sig.contains(s), s);
        }
        assertFalse(md.contains("WARNING"));
        // Every link in report.md is relative and resolves inside the report.
        Matcher m = Pattern.compile("\\]\\(([^)]+)\\)").matcher(md);
        int links = 0;
        while (m.find()) {
            assertFalse(m.group(1).contains("://") || m.group(1).startsWith("/"), m.group(1));
            assertTrue(Files.isRegularFile(out.resolve(m.group(1))), m.group(1));
            links++;
        }
        // 18 links before report.md linked significance.md; then 2 vector files per figure (2 AUC
        // curves, Grad-CAM, codebook: 8) and per pretraining run (3) a CSV, a figure and its 2 vectors;
        // the controls section links its two CSVs (the fixture has the "Sup." floor).
        assertEquals(19 + 8 + 3 * 4 + 2, links);
        assertTrue(md.indexOf("## Controls") < md.indexOf("## Table 1"), "the controls come before the tables");
        List<String> trainCsv = Files.readAllLines(out.resolve("training/coboom__chest__s0.csv"));
        // The fixture logs loss and the codebook on separate lines of one step: one row per step.
        assertEquals(List.of("step,code_usage,loss,perplexity", "0,0.18,2.0,110.59", "20,0.252,1.9,154.83"),
                trainCsv.subList(0, 3));
        assertEquals(1 + 11, trainCsv.size());
        for (String f : List.of("auc_vs_fraction_table1", "gradcam_panel", "codebook", "training_byol__chest__s0")) {
            assertTrue(Files.readString(out.resolve("figures/" + f + ".svg")).contains("<svg"), f);
            assertTrue(Files.readString(out.resolve("figures/" + f + ".pdf"), java.nio.charset.StandardCharsets.ISO_8859_1)
                    .startsWith("%PDF-"), f);
        }
        // Table 1: 11 method rows, each cell "mean ± SD" over the 2 seeds.
        List<String> rows = Files.readAllLines(out.resolve("tables/table1.md")).stream()
                .filter(l -> l.startsWith("| ") && !l.startsWith("| Method")).toList();
        assertEquals(11, rows.size());
        assertTrue(rows.stream().allMatch(l -> l.split(" ± ", -1).length == 9), rows.toString());
        // Traceability: every run id of Table 2 appears in its cells CSV.
        String cells = Files.readString(out.resolve("tables/table2_cells.csv"));
        assertTrue(cells.contains("eval/finetune__odir__f10__coboom__s0;eval/finetune__odir__f10__coboom__s1"));
        assertEquals(1 + 2 * 8 * 16, Files.readAllLines(out.resolve("significance/significance.csv")).size());

        BufferedImage curve = png(out.resolve("figures/auc_vs_fraction_table1.png"));
        assertEquals(900, curve.getWidth());
        assertEquals(520, curve.getHeight());
        BufferedImage cam = png(out.resolve("figures/gradcam_panel.png"));
        assertEquals(150 + 4 * (180 + 4), cam.getWidth());
        assertEquals(28 + 3 * (180 + 4) + 66, cam.getHeight());
        BufferedImage cb = png(out.resolve("figures/codebook.png"));
        assertEquals(2 * 560, cb.getWidth());
        assertEquals(440, cb.getHeight());
        // The legend names table rows and seeds, not run directories.
        assertTrue(md.contains("Runs: Ours w/Dec., chest, seed 0, Ours w/Dec., chest, seed 1."), md);

        // Reproducible: a second report over the same store gives the same significance table.
        Path out2 = tmp.resolve("out2");
        assertEquals(0, report(err, "report", "--store", store.toString(), "--out", out2.toString(), "--bootstrap", "50"));
        assertEquals(Files.readString(out.resolve("significance/significance.csv")),
                Files.readString(out2.resolve("significance/significance.csv")));
        assertFalse(Files.exists(out2.resolve("paper")));
    }

    @Test
    void testParityWarnsEverywhereAndMissingGradcamIsNoted() throws IOException {
        StoreFixture.init(tmp.resolve("store"));
        Path store = tmp.resolve("store");
        StoreFixture.writeCell(store, StoreFixture.Cell.of("finetune", "NIH", 5, "Ours w/Dec.", 0)
                .withSelection("test-parity"), 0.7, java.util.Map.of(), true);
        StoreFixture.writeCell(store, StoreFixture.Cell.of("finetune", "NIH", 5, "DiRA", 0), 0.6, java.util.Map.of(), true);
        Path out = tmp.resolve("out");
        StringWriter err = new StringWriter();
        assertEquals(0, report(err, "report", "--store", store.toString(), "--out", out.toString(), "--paper-compare"),
                err.toString());
        for (String f : List.of("report.md", "tables/table2.md", "paper/table2_vs_paper.md", "significance/significance.md")) {
            assertTrue(Files.readString(out.resolve(f)).contains("> **WARNING: cells marked † used test-parity"), f);
        }
        assertTrue(Files.readString(out.resolve("tables/table2.tex")).startsWith("% WARNING"));
        assertFalse(Files.readString(out.resolve("tables/table1.md")).contains("WARNING"));
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("Skipped: no Grad-CAM overlays in " + store.resolve("gradcam")), md);
        assertTrue(md.contains("Skipped: no finished pretraining run logged code_usage and perplexity."), md);
        assertTrue(md.contains("| Ours w/Dec. | — | **70.0 †** |"), md);
    }

    @Test
    void userErrors() {
        StringWriter err = new StringWriter();
        Path store = StoreFixture.init(tmp.resolve("store"));
        assertEquals(2, report(err, "report", "--store", store.toString(), "--out", store.resolve("r").toString()));
        assertTrue(err.toString().contains("lies inside the store"), err.toString());
        err = new StringWriter();
        assertEquals(2, report(err, "report", "--store", tmp.resolve("nope").toString(), "--out", tmp.resolve("o").toString()));
        assertEquals("error: results store not found: " + tmp.resolve("nope") + " is not a directory", err.toString().trim());
        err = new StringWriter();
        assertEquals(2, report(err, "report", "--store", store.toString(), "--out", tmp.resolve("o").toString(),
                "--classes", "13"));
        assertEquals("error: --classes must be 15 or 14, got 13", err.toString().trim());
    }
}
