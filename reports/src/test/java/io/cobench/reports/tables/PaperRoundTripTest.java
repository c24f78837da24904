package io.cobench.reports.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.reports.StoreFixture;
import io.cobench.reports.store.StoreReader;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The paper's own numbers, written as a store and rendered, give back the paper's tables. */
class PaperRoundTripTest {

    @TempDir
    Path tmp;

    private List<ResultTable> render(PaperValues paper) {
        StoreFixture.paperStore(tmp, paper);
        List<String> notes = new ArrayList<>();
        List<ResultTable> tables = TableBuilder.build(StoreReader.open(tmp).cells(), 15, notes, StoreReader.open(tmp).rowOrder());
        assertEquals(List.of(), notes);
        return tables;
    }

    /** Markdown body rows as row label -> cells, from a rendered table. */
    static Map<String, List<String>> parseMarkdown(String md) {
        Map<String, List<String>> rows = new HashMap<>();
        for (String line : md.split("\n")) {
            if (!line.startsWith("| ") || line.startsWith("| Method")) {
                continue;
            }
            String[] parts = line.substring(2, line.length() - 2).split(" \\| ", -1);
            rows.put(parts[0], List.of(parts).subList(1, parts.length));
        }
        return rows;
    }

    @Test
    void markdownReproducesBothTablesExactly() {
        PaperValues paper = PaperValues.load();
        List<ResultTable> tables = render(paper);
        int checked = 0;
        for (ResultTable t : tables) {
            Map<String, List<String>> md = parseMarkdown(TableRenderer.markdown(t));
            assertEquals(StoreFixture.ROWS.size(), md.size());
            assertEquals(StoreFixture.ROWS, t.rows());
            for (String row : StoreFixture.ROWS) {
                List<String> cells = md.get(row);
                assertEquals(Layout.COLUMNS.size(), cells.size());
                for (int k = 0; k < Layout.COLUMNS.size(); k++) {
                    Column c = Layout.COLUMNS.get(k);
                    String expected = paper.value(t.spec().number(), row, c).orElseThrow().value();
                    String cell = cells.get(k);
                    boolean bold = cell.startsWith("**");
                    assertEquals(expected, bold ? cell.substring(2, cell.length() - 2) : cell, row + " " + c.header());
                    assertEquals(isPaperBest(paper, t.spec().number(), row, c), bold, "bold " + row + " " + c.header());
                    checked++;
                }
            }
        }
        assertEquals(paper.entries().size(), checked);
        assertEquals(176, checked);
    }

    private static boolean isPaperBest(PaperValues paper, int table, String row, Column c) {
        BigDecimal max = StoreFixture.ROWS.stream().map(r -> new BigDecimal(paper.value(table, r, c).orElseThrow().value()))
                .max(BigDecimal::compareTo).orElseThrow();
        return new BigDecimal(paper.value(table, row, c).orElseThrow().value()).compareTo(max) == 0;
    }

    @Test
    void latexAndCsvCarryTheSameNumbers() {
        PaperValues paper = PaperValues.load();
        ResultTable t2 = render(paper).get(1);
        String tex = TableRenderer.latex(t2);
        assertTrue(tex.contains("Method & \\multicolumn{5}{c}{NIH} & SIIM & MuReD & ODIR \\\\"));
        assertTrue(tex.contains(" & 1\\% & 5\\% & 10\\% & 30\\% & All & All & 10\\% & 10\\% \\\\"));
        assertTrue(tex.contains("Ours w/Dec. & 65.6 & \\textbf{70.8} & 72.1 & \\textbf{77.1} & 79.3 & \\textbf{59.6} "
                + "& \\textbf{84.8} & 75.7 \\\\"), tex);
        String csv = TableRenderer.displayCsv(t2);
        assertTrue(csv.startsWith("Method,NIH 1% AUC pct,NIH 5% AUC pct,NIH 10% AUC pct,NIH 30% AUC pct,NIH All AUC pct,"
                + "SIIM All Dice pct,MuReD 10% AUC pct,ODIR 10% AUC pct"), csv);
        assertTrue(csv.contains("Sup.,57.7,62.7,65.6,70.7,74.1,51.2,66.7,63.2"), csv);
        assertFalse(tex.contains("WARNING"));
    }

    @Test
    void comparisonWithThePaperHasZeroDeltas() {
        PaperValues paper = PaperValues.load();
        for (ResultTable t : render(paper)) {
            for (String r : t.rows()) {
                for (Column c : Layout.COLUMNS) {
                    assertEquals(0, PaperComparison.delta(t, paper, r, c).orElseThrow().signum());
                }
            }
            String md = PaperComparison.markdown(t, paper);
            assertTrue(md.contains("| Sup. | " + (t.spec().number() == 1 ? "51.6 / 51.6 (0.0)" : "57.7 / 57.7 (0.0)")),
                    md);
            assertEquals(88, PaperComparison.table(t, paper).rowCount());
        }
    }

    /** SHA-256 of ../shared/reference/paper-tables.csv, the reference this project was given. */
    static final String REFERENCE_SHA256 = "9dcf5cd7df79d67bd77f73e06375397c30e7e710181fa22970de2d8457096a58";

    @Test
    void bundledCopyIsTheProjectReference() throws Exception {
        byte[] bundled;
        try (InputStream in = PaperValues.class.getResourceAsStream(PaperValues.RESOURCE)) {
            bundled = in.readAllBytes();
        }
        assertEquals(REFERENCE_SHA256, java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(bundled)));
        // Where the design folder sits above the checkout, compare with it directly as well.
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path shared = d.resolve("shared/reference/paper-tables.csv");
            if (Files.isRegularFile(shared)) {
                assertEquals(Files.readString(shared), new String(bundled, java.nio.charset.StandardCharsets.UTF_8));
                assertEquals(PaperValues.read(shared).entries(), PaperValues.load().entries());
                break;
            }
        }
    }
}
