package io.cobench.reports.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.reports.StoreFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SIIM Dice section against values worked out by hand from the overlap counts. */
class SiimDiceSectionTest {
    @TempDir
    Path tmp;

    private static void siim(Path store, String row, int seed, double headline, String overlap) {
        Path dir = StoreFixture.writeCell(store, StoreFixture.Cell.of("finetune", "SIIM", 100, row, seed), headline,
                Map.of("dice_mean", headline), true);
        if (overlap != null) {
            StoreFixture.write(dir.resolve("overlap.csv"), "id,intersection,predicted,truth\n" + overlap);
        }
    }

    @Test
    void headlinePositivesOnlyPooledAndFloorPerRow() throws IOException {
        Path store = StoreFixture.init(tmp.resolve("store"));
        // Seed 0: A 2*3/8 = 0.75 (positive), B missed positive 0, C empty on empty 1, D false positive 0.
        // headline 0.4375, positives (0.75+0)/2 = 0.375, pooled 2*3/(6+9) = 0.4, floor 2/4.
        siim(store, "Ours w/Dec.", 0, 0.4375, "a,3,4,4\nb,0,0,5\nc,0,0,0\nd,0,2,0\n");
        // Seed 1: 1, 0, 1, 1 -> headline 0.75, positives 0.5, pooled 2*2/(2+6) = 0.5, floor 0.5.
        siim(store, "Ours w/Dec.", 1, 0.75, "a,2,2,2\nb,0,0,4\nc,0,0,0\nd,0,0,0\n");
        // 2*1/(2+1) = 2/3 and 1 -> headline 5/6, positives 2/3, pooled 2/3, floor 1/2.
        siim(store, "DiRA", 0, 5.0 / 6, "a,1,2,1\nb,0,0,0\n");
        siim(store, "CAiD", 0, 0.5, null);
        Path out = tmp.resolve("out");
        ReportBuilder.Summary s = ReportBuilder.write(new ReportOptions(store, out, 15, false, 0, 0));
        String md = Files.readString(out.resolve("report.md"));
        // Seed means: headline (0.4375+0.75)/2 = 0.59375, positives (0.375+0.5)/2 = 0.4375, pooled 0.45.
        assertTrue(md.contains("| Ours w/Dec. | 2 | 59.4 | 43.8 | 45.0 | 4 (2) | 50.0 |"), md);
        assertTrue(md.contains("| DiRA | 1 | 83.3 | 66.7 | 66.7 | 2 (1) | 50.0 |"), md);
        assertTrue(md.contains("All-empty floor on the evaluated split: **50.0**."), md);
        assertTrue(md.indexOf("### SIIM Dice of Table 2") > md.indexOf("## Table 2"), md);
        assertTrue(s.notes().stream().anyMatch(n -> n.startsWith("1 SIIM cell(s) of Table 2 have no overlap.csv")
                && n.contains("eval/finetune__siim__f100__caid__s0")), s.notes().toString());
        List<String> csv = Files.readAllLines(out.resolve("tables/table2_siim_dice.csv"));
        assertEquals("row,seeds,dice_headline_pct,dice_positives_pct,dice_pooled_pct,images,positives,empty_floor_pct", csv.get(0));
        String[] ours = csv.stream().filter(l -> l.startsWith("Ours w/Dec.,")).findFirst().orElseThrow().split(",");
        assertEquals(59.375, Double.parseDouble(ours[2]), 1e-12);
        assertEquals(43.75, Double.parseDouble(ours[3]), 1e-12);
        assertEquals(45.0, Double.parseDouble(ours[4]), 1e-12);
        assertEquals(50.0, Double.parseDouble(ours[7]), 0);
        assertTrue(!Files.exists(out.resolve("tables/table1_siim_dice.csv")), "Table 1 has no SIIM cell");
        assertTrue(!md.contains("## Protocol against the paper"), "only with --paper-compare");
    }

    @Test
    void aBadOverlapFileIsNamedWithItsLine() {
        Path store = StoreFixture.init(tmp.resolve("store"));
        siim(store, "DiRA", 0, 0.5, "a,1,2,1\nb,3,1,5\n");
        io.cobench.cli.UserError e = org.junit.jupiter.api.Assertions.assertThrows(io.cobench.cli.UserError.class,
                () -> ReportBuilder.write(new ReportOptions(store, tmp.resolve("o"), 15, false, 0, 0)));
        assertTrue(e.getMessage().contains("overlap.csv:3: intersection 3 exceeds"), e.getMessage());
    }
}
