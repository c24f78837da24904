package io.cobench.benchmark.run;

import io.cobench.benchmark.gradcam.GradCamJob;
import io.cobench.benchmark.grid.Cell;
import io.cobench.benchmark.grid.GridConfig;
import io.cobench.benchmark.grid.GridLoader;
import io.cobench.benchmark.grid.GridPlan;
import io.cobench.benchmark.grid.Shard;
import io.cobench.benchmark.store.ResultsStore;
import io.cobench.cli.CobenchCommand;
import io.cobench.engine.Engine;
import io.cobench.reports.report.ReportBuilder;
import io.cobench.spi.MethodRegistry;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cobench reproduce}: the paper's Tables 1 and 2 (all rows, all columns, both protocols)
 * into a results store, then the report. The default grid runs on the phantom datasets at CPU
 * scale; {@code --config configs/grids/paper.yaml} runs the paper's protocol on real data.
 * Rerunning continues where a run stopped; {@code --shard k/n} lets n machines fill one store.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = {"Runs the Table 1 + Table 2 grid (pretraining, linear probing, fine-tuning, segmentation, "
                + "Grad-CAM) into a results store and writes the report.",
                "Finished cells are skipped, so an interrupted run continues where it stopped."})
public final class ReproduceCommand implements CobenchCommand {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Grid YAML (default: configs/grids/cpu-demo.yaml under the cobench home, the phantom "
                    + "datasets at CPU scale).")
    Path config;

    @Option(names = "--store", paramLabel = "DIR",
            description = "Results store (default: runs/reproduce under the cobench home: $COBENCH_HOME, else the "
                    + "repository root).")
    Path store;

    @Option(names = "--shard", paramLabel = "k/n", defaultValue = "1/1",
            description = "Run only the k-th of n deterministic slices (default: ${DEFAULT-VALUE}).")
    String shard;

    @Option(names = "--data-root", paramLabel = "NAME=DIR",
            description = "Dataset folder, overriding the grid's data.roots.NAME (nih, siim, eyepacs, mured, odir); "
                    + "repeatable.")
    Map<String, String> roots = new LinkedHashMap<>();

    @Option(names = "--root", hidden = true, paramLabel = "NAME=DIR", description = "deprecated spelling of --data-root")
    Map<String, String> deprecatedRoots = new LinkedHashMap<>();

    @Option(names = "--report", paramLabel = "DIR",
            description = "Where the report goes (default: <store>-report next to the store).")
    Path report;

    @Option(names = "--no-report", description = "Fill the store only.")
    boolean noReport;

    @picocli.CommandLine.Mixin
    io.cobench.reports.cli.ReportFlags reportFlags = new io.cobench.reports.cli.ReportFlags();

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Preprocessed-image caches, shared with `pretrain` (default: runs/cache under the cobench home).")
    Path cacheDir;

    @Option(names = "--no-progress", description = "No progress bar, log lines only (the default when output is not a terminal).")
    boolean noProgress;

    @Option(names = "--workers", paramLabel = "N",
            description = "Encoders evaluated in parallel, one core each (default: the number of cores).")
    Integer workers;

    @Override
    public String path() {
        return "reproduce";
    }

    @Override
    public Integer call() {
        PrintStream out = System.out;
        long t0 = System.nanoTime();
        Engine.start(out);
        Shard s = Shard.parse(shard);
        if (workers != null && workers < 1) {
            throw new io.cobench.cli.UserError("--workers must be at least 1, got " + workers);
        }
        config = io.cobench.cli.Home.orDefault(config, "configs/grids/cpu-demo.yaml");
        store = io.cobench.cli.Home.orDefault(store, "runs/reproduce");
        cacheDir = io.cobench.cli.Home.orDefault(cacheDir, "runs/cache");
        reportFlags.options(store, store); // a bad report option fails now, not after the grid
        GridConfig grid = GridLoader.load(config);
        if (!deprecatedRoots.isEmpty()) {
            io.cobench.data.Datasets.deprecated(new java.io.PrintWriter(System.err, true), "--root", "--data-root");
            deprecatedRoots.forEach(roots::putIfAbsent);
        }
        if (!roots.isEmpty()) {
            grid = grid.withData(grid.data().withRoots(roots));
        }
        ResultsStore rs = ResultsStore.open(store, grid.name());
        MethodCatalog methods = new MethodCatalog(MethodRegistry.load(), Path.of(grid.pretrain().presets()));
        // Data loaders log while the bar is drawn: their lines go through the bar's owner.
        io.cobench.cli.LineRouter dataLog = new io.cobench.cli.LineRouter(out);
        StoreData data = new StoreData(grid, cacheDir, dataLog);
        GridPlan all = GridPlan.of(grid);
        GridPlan plan = all.shard(s);
        out.printf(Locale.ROOT, "grid %s: %d cells in %d units%s, store %s%n", grid.name(), plan.cells().size(),
                plan.units().size(), s.count() > 1 ? " (shard " + s + " of " + all.cells().size() + " cells)" : "",
                rs.root());
        GridRunner runner = new GridRunner(grid, rs, data, new TrainerPretrainer(methods, data, cacheDir),
                methods, out, new GridRunner.Listener() { }, !noProgress && System.console() != null,
                workers != null ? workers : Runtime.getRuntime().availableProcessors());
        runner.routeWhileRunning(dataLog);
        Thread onStop = new Thread(() -> out.print(interruptedMessage(rs)), "cobench-stop");
        Runtime.getRuntime().addShutdownHook(onStop);
        GridRunner.Summary sum;
        try {
            sum = runner.run(plan);
        } finally {
            removeHook(onStop);
        }
        GradCamJob.collect(rs.gradcamDir());
        double mins = (System.nanoTime() - t0) / 60e9;
        out.printf(Locale.ROOT, "%n%d cells: %d finished earlier, %d evaluated now; %d failed unit(s); %.1f min%n",
                sum.cells(), sum.alreadyDone(), sum.evaluated(), sum.failedUnits().size(), mins);
        if (!sum.missingMethods().isEmpty()) {
            out.println("rows without a registered method (left empty): " + String.join(", ", sum.missingMethods()));
        }
        sum.failedUnits().forEach((k, v) -> out.println("FAILED " + k + ": " + v));
        if (!noReport) {
            List<Cell> open = unfinished(all, rs, methods);
            if (open.isEmpty()) {
                Path dir = report != null ? report : siblingReport(rs.root());
                ReportBuilder.Summary r = ReportBuilder.write(reportFlags.options(rs.root(), dir));
                out.println("report: " + dir.resolve("report.md") + " (" + r.files().size() + " files)");
            } else {
                out.println("report not written yet: " + open.size() + " cell(s) of this grid are unfinished (first: "
                        + open.get(0).id() + ")" + (s.count() > 1 ? "; run `cobench report` once all shards are done" : ""));
            }
        }
        return sum.ok() ? 0 : 1;
    }

    /**
     * What a stopped run (Ctrl-C, SIGTERM) leaves: every finished cell and pretraining is kept whole
     * (each written atomically, DONE last); pieces in flight are redone by the same command.
     */
    String interruptedMessage(ResultsStore rs) {
        long cells = countDone(rs.root().resolve("eval"));
        long pre = countDone(rs.root().resolve("pretrain"));
        StringBuilder cmd = new StringBuilder("./cobench reproduce --config ").append(config).append(" --store ")
                .append(store);
        if (!"1/1".equals(shard)) {
            cmd.append(" --shard ").append(shard);
        }
        return "\r\nstopped: kept " + cells + " finished cell(s) and " + pre + " finished pretraining(s) in " + rs.root()
                + "; the pieces that were running are redone (interrupted pretrainings continue from their newest "
                + "checkpoint).\nresume with the same command: " + cmd + "\n";
    }

    private static long countDone(Path dir) {
        try (java.util.stream.Stream<Path> s = java.nio.file.Files.list(dir)) {
            return s.filter(d -> java.nio.file.Files.isRegularFile(d.resolve("DONE"))).count();
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook runs and says what was kept.
        }
    }

    /** Cells of available methods without DONE anywhere in the store (all shards). */
    static List<Cell> unfinished(GridPlan all, ResultsStore rs, MethodCatalog methods) {
        return all.cells().stream().filter(c -> methods.available(c.method()))
                .filter(c -> !ResultsStore.isDone(rs.evalDir(c))).toList();
    }

    static Path siblingReport(Path store) {
        return io.cobench.reports.report.ReportOptions.defaultOut(store);
    }

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }
}
