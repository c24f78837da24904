package io.cobench.benchmark.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.cli.Cobench;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Hours of the paper grid, worked out by hand from the rules in GridHours' comment. */
class GridHoursTest {
    static final Path PAPER = Path.of("../configs/grids/paper.yaml");

    @Test
    void paperChestUnitByHand() {
        GridConfig g = GridLoader.load(PAPER);
        GridPlan plan = GridPlan.of(g);
        PretrainKey byol = new PretrainKey("byol", Domain.CHEST, 0);
        assertEquals(12, plan.cells(byol).size());
        // Pretraining: 86,524 NIH train_val images x 300 epochs x 2 views = 51,914,400.
        // Linear NIH, subsets 865, 4,326, 8,652, 25,957, 86,524 (+ 25,596 test each), a third each:
        //   (126,324 + 5 x 25,596) / 3 = 84,768.
        // Linear SIIM (frozen encoder, decoder trained): 4,270 x 50 x (1/3 + 1/2) + 50 x 1,068 / 3
        //   = 177,916.67 + 17,800 = 195,716.67.
        // Fine-tuning NIH: 126,324 x 50 + 5 x 50 x 25,596 / 3 = 6,316,200 + 2,133,000 = 8,449,200.
        // Fine-tuning SIIM: 4,270 x 50 x 1.5 + 17,800 = 338,050.
        double expected = 51_914_400 + 84_768 + 195_716.6667 + 8_449_200 + 338_050;
        assertEquals(expected, GridHours.of(g).imageSteps(byol, plan.cells(byol)), 0.01);
        // 60,982,134.67 image-steps at 8.9 img/s: 1,903.3 hours.
        assertEquals(1_903.3, GridHours.hours(expected, 8.9), 0.05);
    }

    @Test
    void planPrintsHoursPerUnitAndInTotal() {
        CommandLine cl = Cobench.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        assertEquals(0, cl.execute("grid", "plan", "--config", PAPER.toString(), "--img-per-s", "8.9"));
        String text = out.toString();
        assertTrue(text.lines().anyMatch(l -> l.matches("byol__chest__s0\\s+12\\s+6\\.098e\\+07\\s+1,903")), text);
        // 11 paper rows and the coboom-online variant, x 2 domains x 3 seeds.
        assertTrue(text.contains("shard 1/1 of grid paper: 72 units, "), text);
        assertTrue(text.contains("estimate at 8.90 img/s (given: one training step at 224 px, batch 64"), text);
    }
}
