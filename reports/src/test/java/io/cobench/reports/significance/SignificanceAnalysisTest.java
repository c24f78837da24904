package io.cobench.reports.significance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.reports.StoreFixture;
import io.cobench.reports.StoreFixture.Cell;
import io.cobench.reports.store.EvalCell;
import io.cobench.reports.store.StoreReader;
import io.cobench.reports.tables.Layout;
import io.cobench.reports.tables.ResultTable;
import io.cobench.reports.tables.TableBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignificanceAnalysisTest {

    @TempDir
    Path tmp;

    private SignificanceAnalysis.Result analyse(int replicates) {
        List<EvalCell> cells = StoreReader.open(tmp).cells();
        List<ResultTable> tables = TableBuilder.build(cells, 15, new ArrayList<>(), StoreFixture.ROWS);
        return SignificanceAnalysis.run(tables, cells, new SignificanceAnalysis.Options(15, replicates, 0));
    }

    private static Comparison find(SignificanceAnalysis.Result r, String column, String baseline, String test) {
        return r.comparisons().stream().filter(c -> c.column().equals(column) && c.baseline().equals(baseline)
                && c.test().equals(test)).findFirst().orElseThrow();
    }

    private void seeds(String dataset, int fraction, String row, double... values) {
        for (int s = 0; s < values.length; s++) {
            StoreFixture.writeCell(tmp, Cell.of("linear", dataset, fraction, row, s), values[s], Map.of(), true);
        }
    }

    @Test
    void perSeedTestsWithHolmOverTheFamily() {
        StoreFixture.init(tmp);
        seeds("NIH", 1, "Ours w/Dec.", 0.70, 0.72, 0.74);
        seeds("NIH", 1, "DiRA", 0.60, 0.63, 0.65);
        seeds("NIH", 1, "BYOL", 0.69, 0.70, 0.74);
        seeds("NIH", 1, "Ours w/o Dec.", 0.10, 0.10, 0.10);
        SignificanceAnalysis.Result r = analyse(50);
        // Differences 0.10, 0.09, 0.09 give t = 28; 0.01, 0.02, 0.00 give t = sqrt(3). With 2 df the
        // two-sided p is 1 - t / sqrt(2 + t^2).
        Comparison dira = find(r, "NIH 1%", "DiRA", SignificanceAnalysis.SEED_T);
        Comparison byol = find(r, "NIH 1%", "BYOL", SignificanceAnalysis.SEED_T);
        double pDira = 1 - 28 / Math.sqrt(786);
        double pByol = 1 - Math.sqrt(3) / Math.sqrt(5);
        assertEquals(3, dira.n());
        assertEquals(28.0, dira.t(), 1e-8);
        assertEquals(pDira, dira.p(), 1e-9);
        assertEquals(Math.sqrt(3), byol.t(), 1e-9);
        assertEquals(pByol, byol.p(), 1e-9);
        // Holm, m = 2: 2 x pDira, then max(2 x pDira, pByol).
        assertEquals(2 * pDira, dira.pHolm(), 1e-9);
        assertEquals(pByol, byol.pHolm(), 1e-9);
        assertEquals(0.093333333, dira.diff(), 1e-8);
        // Ablations are CoBooM variants, not baselines; no predictions -> the bootstrap says so.
        assertEquals(2, r.comparisons().size());
        assertEquals(List.of("Table 1 NIH 1%: bootstrap skipped, CoBooM's predictions unusable: "
                + "eval/linear__nih__f1__coboom__s0 has no predictions.csv/labels.csv"), r.notes());
        assertTrue(!r.testParity());
    }

    @Test
    void perImageDiceTestAveragesSeedsFirst() {
        StoreFixture.init(tmp);
        String[][] coboom = {{"a,1.0", "b,0.5", "c,0.0"}, {"a,0.8", "b,0.7", "c,0.2"}};
        String[][] dira = {{"c,0.1", "a,0.5", "b,0.5"}, {"a,0.7", "b,0.3", "c,0.1"}};
        for (int s = 0; s < 2; s++) {
            Path d1 = StoreFixture.writeCell(tmp, Cell.of("linear", "SIIM", 100, "Ours w/Dec.", s), 0.5, Map.of(), true);
            StoreFixture.write(d1.resolve("per_image.csv"), "id,dice\n" + String.join("\n", coboom[s]) + "\n");
            Path d2 = StoreFixture.writeCell(tmp, Cell.of("linear", "SIIM", 100, "DiRA", s), 0.4, Map.of(), true);
            StoreFixture.write(d2.resolve("per_image.csv"), "id,dice\n" + String.join("\n", dira[s]) + "\n");
        }
        SignificanceAnalysis.Result r = analyse(0);
        // Image means: CoBooM a 0.9, b 0.6, c 0.1; DiRA a 0.6, b 0.4, c 0.1. Differences 0.3, 0.2, 0:
        // mean 1/6, SD sqrt(7/300), t = 5 / sqrt(7), p = 1 - t / sqrt(2 + t^2) = 1 - 5 / sqrt(39).
        Comparison c = find(r, "SIIM All", "DiRA", SignificanceAnalysis.IMAGE_T);
        assertEquals(3, c.n());
        assertEquals(5 / Math.sqrt(7), c.t(), 1e-9);
        assertEquals(1 - 5 / Math.sqrt(39), c.p(), 1e-9);
        assertEquals(1.6 / 3, c.coboom(), 1e-12);
        assertEquals(1.1 / 3, c.other(), 1e-12);
        // Per-seed test on the headline values 0.5, 0.5 vs 0.4, 0.4: all differences equal.
        Comparison seed = find(r, "SIIM All", "DiRA", SignificanceAnalysis.SEED_T);
        assertEquals("all differences are equal (common seeds: [0, 1])", seed.note());
        assertTrue(Double.isNaN(seed.pHolm()));
    }

    @Test
    void bootstrapRecomputesTheTablesAucAndIsReproducible() {
        StoreFixture.syntheticStore(tmp, 2, false);
        SignificanceAnalysis.Result a = analyse(60);
        SignificanceAnalysis.Result b = analyse(60);
        assertEquals(a.comparisons(), b.comparisons());
        List<EvalCell> cells = StoreReader.open(tmp).cells();
        List<ResultTable> tables = TableBuilder.build(cells, 15, new ArrayList<>(), StoreFixture.ROWS);
        // 2 tables x 7 AUC columns x 11 rows.
        assertEquals(154, a.intervals().size());
        for (AucInterval i : a.intervals()) {
            ResultTable t = tables.get(i.table() - 1);
            var col = Layout.COLUMNS.stream().filter(c -> c.header().equals(i.column())).findFirst().orElseThrow();
            assertEquals(t.cell(i.row(), col).orElseThrow().mean(), i.auc(), 1e-12, i.toString());
            assertTrue(i.lo() <= i.hi());
        }
        // Per table: 8 seed tests + 1 image test + 7 bootstrap tests per baseline, 8 baselines.
        assertEquals(2 * 8 * (8 + 1 + 7), a.comparisons().size());
        for (Comparison c : a.comparisons()) {
            assertTrue(Double.isNaN(c.p()) || c.pHolm() >= c.p(), c.toString());
        }
        assertEquals(List.of(), a.notes());
    }

    @Test
    void aucRecomputedFromPredictionsIsCheckedAgainstTheTable() {
        StoreFixture.init(tmp);
        String labels = "id,N\ns0,0\ns1,0\ns2,1\ns3,1\n";
        // AUC of these scores: positives 0.35, 0.8 against negatives 0.1, 0.4 -> 0.75.
        String scores = "id,N\ns0,0.1\ns1,0.4\ns2,0.35\ns3,0.8\n";
        Path ours = StoreFixture.writeCell(tmp, Cell.of("linear", "ODIR", 10, "Ours w/Dec.", 0), 0.75, Map.of(), true);
        Path dira = StoreFixture.writeCell(tmp, Cell.of("linear", "ODIR", 10, "DiRA", 0), 0.9, Map.of(), true);
        for (Path d : List.of(ours, dira)) {
            StoreFixture.write(d.resolve("labels.csv"), labels);
            StoreFixture.write(d.resolve("predictions.csv"), scores);
        }
        SignificanceAnalysis.Result r = analyse(20);
        assertEquals(List.of("Table 1 ODIR 10% DiRA: mean AUC recomputed from predictions.csv (0.7500) differs from "
                + "the table's metrics.json value (0.9000)"), r.notes());
        Comparison boot = find(r, "ODIR 10%", "DiRA", SignificanceAnalysis.BOOTSTRAP);
        assertEquals(0.0, boot.diff(), 0);
        assertEquals(1.0, boot.p(), 0);
        // A resample whose 4 draws are all positive or all negative has no AUC and is dropped:
        // replay the column's generator to count the usable ones.
        var rng = new org.apache.commons.math3.random.Well19937c(
                SignificanceAnalysis.bootstrapSeed(0, "linear", Layout.column("ODIR", 10).orElseThrow()));
        int usable = 0;
        for (int b = 0; b < 20; b++) {
            int positives = 0;
            for (int i = 0; i < 4; i++) {
                positives += rng.nextInt(4) >= 2 ? 1 : 0;
            }
            usable += positives > 0 && positives < 4 ? 1 : 0;
        }
        assertTrue(usable < 20);
        assertEquals(usable, boot.n());
    }
}
