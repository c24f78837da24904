package io.cobench.reports.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.reports.store.CellRecord;
import io.cobench.reports.store.EvalCell;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControlsSectionTest {
    private static EvalCell cell(String method, String row, String protocol, int fraction, int seed, double v) {
        return cell(method, row, protocol, fraction, seed, v, null);
    }

    private static EvalCell cell(String method, String row, String protocol, int fraction, int seed, double v,
                                 Double rank) {
        String id = protocol + "__nih__f" + fraction + "__" + method + "__s" + seed;
        return new EvalCell(Path.of(id), new CellRecord(id, method, row, protocol, "NIH", fraction, seed, "AUC", v,
                List.of(), Map.of(), null, "val", "sha256:x", null, rank));
    }

    @Test
    void eachMethodIsPairedWithTheFloorOverItsSeeds() {
        List<EvalCell> cells = new ArrayList<>();
        double[] floor = {0.60, 0.58, 0.62};
        double[] byol = {0.66, 0.65, 0.69};
        double[] ceiling = {0.77, 0.75, 0.80};
        double[] byolRank = {3.0, 4.0, 8.0};
        for (int s = 0; s < 3; s++) {
            cells.add(cell("sup", "Sup.", "linear", 100, s, floor[s], 19.0 + s));
            cells.add(cell("byol", "BYOL", "linear", 100, s, byol[s], byolRank[s]));
            cells.add(cell("supervised", "Supervised (labels)", "linear", 100, s, ceiling[s]));
            cells.add(cell("byol", "BYOL", "linear", 10, s, 0.99)); // not the control column
        }
        cells.add(cell("simclr", "SimCLR", "linear", 100, 0, 0.61)); // one seed: no test
        ControlsSection.Section sec = ControlsSection.build(cells, 15);
        assertEquals(List.of("supervised", "byol", "simclr"), sec.rows().stream().map(ControlsSection.Row::method)
                .toList());
        var t = sec.rows().get(1).test();
        // differences 0.06, 0.07, 0.07: mean 0.0667, sd 0.00577, t = 20.0; df 2: p = 1 - t / sqrt(2 + t^2)
        assertEquals(3, t.n());
        assertEquals(0.066667, t.meanDiff(), 1e-6);
        assertEquals(20.0, t.t(), 1e-6);
        assertEquals(1 - 20 / Math.sqrt(402), t.p(), 1e-9);
        assertEquals(0.173333, sec.rows().get(0).test().meanDiff(), 1e-6);
        assertFalse(sec.rows().get(2).test().defined());
        assertEquals(0.01, sec.rows().get(2).diff(), 1e-12); // one seed: a difference, no test
        // feature ranks: BYOL (3 + 4 + 8) / 3 = 5.0, the floor 20.0, none stored for the ceiling
        assertEquals(5.0, sec.rows().get(1).rank(), 1e-12);
        assertTrue(Double.isNaN(sec.rows().get(0).rank()));
        assertTrue(sec.markdown().contains("| BYOL | 3 | 66.7 | +6.7 | 20.00 | 0.002 | 5.0 |"), sec.markdown());
        assertTrue(sec.markdown().contains("| Supervised (labels) | 3 | 77.3 | +17.3 |"), sec.markdown());
        assertTrue(sec.markdown().contains("seed(s), feature rank 20.0."), sec.markdown());
        assertTrue(sec.markdown().contains("Ceiling: **Supervised (labels)**"), sec.markdown());
        assertTrue(sec.csv().startsWith("method,row,seeds,auc_pct,floor_auc_pct,diff_points,t,p,feature_rank,floor_feature_rank\n"),
                sec.csv());
        assertTrue(sec.csv().contains("\nbyol,BYOL,3,66.6667,60.0000,6.66667,20.0000,") && sec.csv().contains(",5.00000,20.0000\n"), sec.csv());
    }

    @Test
    void theFineTuningCurveAveragesTheMethodsPresentAtEveryFraction() {
        List<EvalCell> cells = new ArrayList<>();
        cells.add(cell("sup", "Sup.", "linear", 100, 0, 0.6));
        int[] fr = {1, 10, 100};
        double[][] v = {{0.52, 0.60, 0.70}, {0.50, 0.64, 0.74}};
        for (int i = 0; i < 3; i++) {
            cells.add(cell("sup", "Sup.", "finetune", fr[i], 0, v[0][i]));
            cells.add(cell("byol", "BYOL", "finetune", fr[i], 0, v[1][i]));
        }
        cells.add(cell("simclr", "SimCLR", "finetune", 1, 0, 0.9)); // missing at 10 and 100: left out
        ControlsSection.Section sec = ControlsSection.build(cells, 15);
        assertTrue(sec.markdown().contains("This grid has no supervised ceiling"), sec.markdown());
        ControlsSection.Curve c = sec.curve();
        assertEquals(List.of(1, 10, 100), c.fractions());
        assertEquals(0.51, c.meanAuc().get(0), 1e-12);
        assertEquals(0.62, c.meanAuc().get(1), 1e-12);
        assertEquals(0.72, c.meanAuc().get(2), 1e-12);
        assertTrue(c.rising());
        assertFalse(new ControlsSection.Curve(List.of(1, 10), List.of(0.6, 0.6), List.of(1)).rising());
    }

    @Test
    void noFloorNoSection() {
        assertNull(ControlsSection.build(List.of(cell("byol", "BYOL", "linear", 100, 0, 0.7)), 15));
    }
}
