package io.cobench.reports.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.cli.UserError;
import io.cobench.reports.StoreFixture;
import io.cobench.reports.StoreFixture.Cell;
import io.cobench.reports.store.StoreReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableBuilderTest {

    @TempDir
    Path tmp;

    private List<ResultTable> build(List<String> notes, int classes) {
        return TableBuilder.build(StoreReader.open(tmp).cells(), classes, notes, StoreReader.open(tmp).rowOrder());
    }

    @Test
    void meanAndSampleSdOverSeeds() {
        StoreFixture.init(tmp);
        double[] v = {0.70, 0.71, 0.72};
        for (int s = 0; s < 3; s++) {
            StoreFixture.writeCell(tmp, Cell.of("linear", "NIH", 1, "DiRA", s), v[s], Map.of(), true);
        }
        StoreFixture.writeCell(tmp, Cell.of("linear", "NIH", 1, "Ours w/Dec.", 0), 0.7125, Map.of(), true);
        ResultTable t1 = build(new ArrayList<>(), 15).get(0);
        Column nih1 = Layout.column("NIH", 1).orElseThrow();
        CellStats dira = t1.cell("DiRA", nih1).orElseThrow();
        assertEquals(0.71, dira.mean(), 1e-12);
        assertEquals(0.01, dira.sd(), 1e-12);
        assertEquals("71.0 ± 1.0", dira.display());
        assertEquals(List.of(0, 1, 2), dira.seeds());
        assertEquals(List.of("eval/linear__nih__f1__dira__s0", "eval/linear__nih__f1__dira__s1",
                "eval/linear__nih__f1__dira__s2"), dira.cellDirs());
        assertEquals(List.of("pretrain/dira__chest__s0", "pretrain/dira__chest__s1", "pretrain/dira__chest__s2"),
                dira.pretrainRuns());
        // One seed: no SD; 0.7125 rounds half up to 71.3.
        assertEquals("71.3", t1.text("Ours w/Dec.", nih1));
        assertEquals(java.util.Set.of("Ours w/Dec."), t1.best(nih1));
        assertEquals(ResultTable.MISSING, t1.text("Sup.", nih1));
        assertEquals(List.of("DiRA", "Ours w/Dec."), t1.rows());
        String cells = TableRenderer.csv(TableRenderer.cellsTable(t1));
        assertTrue(cells.contains("eval/linear__nih__f1__dira__s0;eval/linear__nih__f1__dira__s1;"
                + "eval/linear__nih__f1__dira__s2"), cells);
        // Percent, as in every report CSV; the header says so.
        assertTrue(cells.startsWith("table,row,method,dataset,label_fraction,n_seeds,mean_pct,sd_pct,display,"), cells);
        String diraLine = cells.lines().filter(l -> l.startsWith("1,DiRA,")).findFirst().orElseThrow();
        String[] f = diraLine.split(",");
        assertEquals("71.0", f[6]);
        assertEquals(1.0, Double.parseDouble(f[7]), 1e-12);
        assertEquals("70.0;71.0;72.0", f[11]);
        assertTrue(cells.contains(",1,71.25,,71.3,true,0,71.25,"), cells);
        assertTrue(TableRenderer.markdown(t1).contains("| DiRA | 71.0 ± 1.0 | — |"));
    }

    @Test
    void refusesToMixConfigsInOneCell() {
        StoreFixture.init(tmp);
        StoreFixture.writeCell(tmp, Cell.of("finetune", "ODIR", 10, "BYOL", 0).withHash("sha256:aaa"), 0.7, Map.of(), true);
        StoreFixture.writeCell(tmp, Cell.of("finetune", "ODIR", 10, "BYOL", 1).withHash("sha256:bbb"), 0.7, Map.of(), true);
        UserError e = assertThrows(UserError.class, () -> build(new ArrayList<>(), 15));
        assertEquals("cell finetune / ODIR 10% / BYOL mixes runs of different configs: "
                + "eval/finetune__odir__f10__byol__s0 have config_hash sha256:aaa; "
                + "eval/finetune__odir__f10__byol__s1 have config_hash sha256:bbb", e.getMessage());
    }

    @Test
    void refusesTwoMethodsUnderOneRowLabel() {
        StoreFixture.init(tmp);
        StoreFixture.writeCell(tmp, Cell.of("linear", "SIIM", 100, "DiRA", 0), 0.5, Map.of(), true);
        StoreFixture.writeCell(tmp, Cell.of("linear", "SIIM", 100, "DiRA", 1).withMethod("dira-v2")
                .withHash("sha256:dira-linear"), 0.5, Map.of(), true);
        UserError e = assertThrows(UserError.class, () -> build(new ArrayList<>(), 15));
        assertTrue(e.getMessage().startsWith("cell linear / SIIM All / DiRA mixes methods "), e.getMessage());
        assertTrue(e.getMessage().contains("eval/linear__siim__f100__dira-v2__s1 have method dira-v2"), e.getMessage());
    }

    @Test
    void testParityCellsAreMarkedAndWarned() {
        StoreFixture.init(tmp);
        StoreFixture.writeCell(tmp, Cell.of("linear", "MuReD", 10, "SwAV", 0).withSelection("test-parity"), 0.8,
                Map.of(), true);
        StoreFixture.writeCell(tmp, Cell.of("finetune", "MuReD", 10, "SwAV", 0), 0.8, Map.of(), true);
        List<ResultTable> t = build(new ArrayList<>(), 15);
        assertTrue(t.get(0).testParity());
        assertEquals("80.0 †", t.get(0).text("SwAV", Layout.column("MuReD", 10).orElseThrow()));
        assertTrue(TableRenderer.markdown(t.get(0)).startsWith("> **" + TableRenderer.PARITY_WARNING));
        assertTrue(TableRenderer.latex(t.get(0)).startsWith("% " + TableRenderer.PARITY_WARNING));
        assertTrue(TableRenderer.csv(TableRenderer.cellsTable(t.get(0))).contains(",test-parity"));
        assertTrue(!t.get(1).testParity() && !TableRenderer.markdown(t.get(1)).contains("WARNING"));
    }

    @Test
    void fourteenClassSwitchUsesTheFourteenFindingMean() {
        StoreFixture.init(tmp);
        StoreFixture.writeCell(tmp, Cell.of("linear", "NIH", 100, "CAiD", 0), 0.74, Map.of("auc_mean_14", 0.73), true);
        StoreFixture.writeCell(tmp, Cell.of("linear", "ODIR", 10, "CAiD", 0), 0.70, Map.of(), true);
        Column all = Layout.column("NIH", 100).orElseThrow();
        Column odir = Layout.column("ODIR", 10).orElseThrow();
        assertEquals("74.0", build(new ArrayList<>(), 15).get(0).text("CAiD", all));
        assertEquals("73.0", build(new ArrayList<>(), 14).get(0).text("CAiD", all));
        assertEquals("70.0", build(new ArrayList<>(), 14).get(0).text("CAiD", odir));
        StoreFixture.writeCell(tmp, Cell.of("linear", "NIH", 100, "CAiD", 1), 0.74, Map.of(), true);
        UserError e = assertThrows(UserError.class, () -> build(new ArrayList<>(), 14));
        assertTrue(e.getMessage().endsWith("linear__nih__f100__caid__s1/metrics.json: --classes 14 needs "
                + "'auc_mean_14', which is missing"), e.getMessage());
    }

    @Test
    void unfinishedAndOffLayoutCellsAreLeftOutWithANote() {
        StoreFixture.init(tmp);
        StoreFixture.writeCell(tmp, Cell.of("linear", "NIH", 10, "BYOL", 0), 0.6, Map.of(), true);
        StoreFixture.writeCell(tmp, Cell.of("linear", "NIH", 10, "BYOL", 1), 0.9, Map.of(), false);
        StoreFixture.writeCell(tmp, Cell.of("linear", "NIH", 20, "BYOL", 0), 0.9, Map.of(), true);
        java.util.Map<String, Double> perClass = new java.util.LinkedHashMap<>();
        perClass.put("Mass", 0.6);
        perClass.put("Hernia", null);
        StoreFixture.writeCell(tmp, Cell.of("linear", "ODIR", 10, "BYOL", 0), 0.6, Map.of("auc_per_class", perClass), true);
        StoreReader store = StoreReader.open(tmp);
        assertEquals(List.of("eval/linear__nih__f10__byol__s1"), store.unfinished());
        List<String> notes = new ArrayList<>();
        ResultTable t = TableBuilder.build(store.cells(), 15, notes, store.rowOrder()).get(0);
        assertEquals("60.0", t.text("BYOL", Layout.column("NIH", 10).orElseThrow()));
        assertEquals(List.of("1 eval cell(s) are outside the paper's columns and were left out of Tables 1-2, first: "
                        + "eval/linear__nih__f20__byol__s0",
                "AUC of class 'Hernia' is undefined (its test labels hold one value only) and left out of the mean in "
                        + "1 cell(s), first: eval/linear__odir__f10__byol__s0"), notes);
    }

    @Test
    void malformedMetricsNameTheFileAndField() {
        StoreFixture.init(tmp);
        StoreFixture.writeCell(tmp, Cell.of("linear", "NIH", 10, "BYOL", 0), 0.6, Map.of("protocol", "probe"), true);
        UserError e = assertThrows(UserError.class, () -> StoreReader.open(tmp));
        assertTrue(e.getMessage().endsWith("linear__nih__f10__byol__s0/metrics.json: protocol 'probe' is not one of "
                + CellMetricsProtocols.text()), e.getMessage());
    }

    /** The message lists a Set; its order is the Set's own. */
    static final class CellMetricsProtocols {
        static String text() {
            return io.cobench.reports.store.CellRecord.PROTOCOLS.toString();
        }
    }
}
