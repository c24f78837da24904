package io.cobench.benchmark.run;

import io.cobench.benchmark.grid.Cell;
import io.cobench.benchmark.grid.GridConfig;
import io.cobench.benchmark.grid.GridLoader;
import io.cobench.benchmark.grid.GridPlan;
import io.cobench.benchmark.grid.PretrainKey;
import io.cobench.benchmark.grid.Shard;
import io.cobench.cli.CobenchCommand;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cobench grid plan}: the units and cells a shard of a grid would run, without running them. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Lists the pretraining units and cells of a grid (or of one shard) with their estimated cost.")
public final class GridPlanCommand implements CobenchCommand {
    @Option(names = "--config", paramLabel = "FILE", defaultValue = "configs/grids/cpu-demo.yaml",
            description = "Grid YAML (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--shard", paramLabel = "k/n", defaultValue = "1/1",
            description = "The slice to list (default: ${DEFAULT-VALUE}).")
    String shard;

    @Option(names = "--cells", description = "List every cell, not only the units.")
    boolean cells;

    @Override
    public String path() {
        return "grid plan";
    }

    @Override
    public Integer call() {
        GridConfig grid = GridLoader.load(config);
        Shard s = Shard.parse(shard);
        GridPlan plan = GridPlan.of(grid).shard(s);
        double total = 0;
        for (PretrainKey k : plan.units()) {
            total += plan.cost(k);
            System.out.printf(Locale.ROOT, "%-28s %3d cells  cost %5.1f%n", k.runId(), plan.cells(k).size(), plan.cost(k));
            if (cells) {
                for (Cell c : plan.cells(k)) {
                    System.out.println("    " + c.id());
                }
            }
        }
        System.out.printf(Locale.ROOT, "shard %s of grid %s: %d units, %d cells, cost %.1f%n", s, grid.name(),
                plan.units().size(), plan.cells().size(), total);
        return 0;
    }
}
