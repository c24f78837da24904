package io.cobench.benchmark.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.cli.UserError;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GridPlanTest {
    static final Path CPU = Path.of("../configs/grids/cpu-demo.yaml");

    @Test
    void paperTablesGiveOneHundredSeventySixCellsInTwentyTwoUnits() {
        GridPlan plan = GridPlan.of(GridLoader.load(CPU));
        // 11 rows x (NIH 5 + SIIM + MuReD + ODIR) columns x 2 protocols.
        assertEquals(176, plan.cells().size());
        assertEquals(176, new HashSet<>(plan.cells()).size());
        // Every method pretrains once per domain: chest and fundus.
        assertEquals(22, plan.units().size());
        PretrainKey chest = new PretrainKey("coboom", Domain.CHEST, 0);
        assertEquals(12, plan.cells(chest).size());
        assertEquals(4, plan.cells(new PretrainKey("coboom", Domain.FUNDUS, 0)).size());
        assertEquals("coboom__chest__s0", chest.runId());
    }

    @Test
    void cellIdsFollowTheStoreContract() {
        Cell c = new Cell(Protocol.LINEAR, Downstream.NIH, 1, "coboom", 0);
        assertEquals("linear__nih__f1__coboom__s0", c.id());
        assertEquals("finetune__siim__f100__coboom-nodec__s2",
                new Cell(Protocol.FINETUNE, Downstream.SIIM, 100, "coboom-nodec", 2).id());
        assertEquals(new PretrainKey("coboom", Domain.CHEST, 0), c.pretrain());
        assertEquals(Domain.FUNDUS, new Cell(Protocol.LINEAR, Downstream.ODIR, 10, "byol", 0).pretrain().domain());
    }

    @Test
    void shardsCoverTheGridExactlyOnceWithWholeUnits() {
        GridPlan plan = GridPlan.of(GridLoader.load(CPU));
        for (int n : new int[] {1, 2, 3, 5, 30}) {
            Set<Cell> seen = new HashSet<>();
            Set<PretrainKey> units = new HashSet<>();
            int total = 0;
            for (int k = 1; k <= n; k++) {
                GridPlan s = plan.shard(new Shard(k, n));
                for (PretrainKey u : s.units()) {
                    assertTrue(units.add(u), "unit " + u + " in two shards of " + n);
                    assertEquals(plan.cells(u), s.cells(u));
                }
                for (Cell c : s.cells()) {
                    assertTrue(seen.add(c), "cell " + c + " in two shards of " + n);
                }
                total += s.cells().size();
            }
            assertEquals(plan.cells().size(), total);
            assertEquals(new HashSet<>(plan.cells()), seen);
            assertEquals(new HashSet<>(plan.units()), units);
        }
    }

    @Test
    void shardingIsDeterministicAndBalanced() {
        GridPlan plan = GridPlan.of(GridLoader.load(CPU));
        assertEquals(plan.shard(new Shard(2, 4)).cells(), GridPlan.of(GridLoader.load(CPU)).shard(new Shard(2, 4)).cells());
        double[] load = new double[2];
        for (int k = 1; k <= 2; k++) {
            GridPlan s = plan.shard(new Shard(k, 2));
            for (PretrainKey u : s.units()) {
                load[k - 1] += s.cost(u);
            }
        }
        // Greedy longest-first leaves the shards within one unit's cost of each other.
        double biggest = plan.units().stream().mapToDouble(plan::cost).max().orElseThrow();
        assertTrue(Math.abs(load[0] - load[1]) <= biggest, load[0] + " vs " + load[1]);
    }

    @Test
    void shardSpellingIsChecked() {
        assertEquals(new Shard(3, 8), Shard.parse(" 3/8 "));
        assertEquals("shard must be k/n with 1 <= k <= n, got 9/8",
                assertThrows(UserError.class, () -> Shard.parse("9/8")).getMessage());
        assertThrows(UserError.class, () -> Shard.parse("0/2"));
        assertThrows(UserError.class, () -> Shard.parse("a/2"));
        assertThrows(UserError.class, () -> Shard.parse("2"));
    }

    @Test
    void trainSpecSchedulesStepsChecksAndCosine() {
        TrainSpec s = new TrainSpec(0.1, 32, 3, 0, 0, 0, "cosine", 3, 0.0);
        assertEquals(12, s.steps(100));  // 4 batches per epoch x 3
        assertEquals(3, s.steps(5));     // one (short) batch per epoch
        TrainSpec capped = new TrainSpec(0.1, 32, 3, 7, 0, 0, "cosine", 3, 0.0);
        assertEquals(7, capped.steps(100));
        // Checks after steps ceil(i*10/3)-1 = 3, 6, 9 for 10 steps.
        List<Integer> checks = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            if (s.evaluateAfter(i, 10)) {
                checks.add(i);
            }
        }
        assertEquals(List.of(3, 6, 9), checks);
        assertEquals(0.1, s.lrAt(0, 10), 1e-12);
        assertEquals(0.05, s.lrAt(5, 10), 1e-12);
        assertEquals(0.1 * 0.5 * (1 + Math.cos(Math.PI * 0.9)), s.lrAt(9, 10), 1e-12);
        assertEquals(0.1, new TrainSpec(0.1, 32, 3, 0, 0, 0, "constant", 1, 0.0).lrAt(9, 10), 1e-12);
    }
}
