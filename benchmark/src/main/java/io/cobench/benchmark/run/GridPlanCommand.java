package io.cobench.benchmark.run;

import io.cobench.perf.StepBenchmark;
import io.cobench.benchmark.grid.Cell;
import io.cobench.benchmark.grid.GridConfig;
import io.cobench.benchmark.grid.GridHours;
import io.cobench.benchmark.grid.GridLoader;
import io.cobench.benchmark.grid.GridPlan;
import io.cobench.benchmark.grid.PretrainKey;
import io.cobench.benchmark.grid.Shard;
import io.cobench.cli.CobenchCommand;
import io.cobench.cli.UserError;
import io.cobench.engine.Engine;
import io.cobench.graph.ResNetConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cobench grid plan}: the units and cells a shard of a grid would run, and how long they would take. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Lists the pretraining units of a grid (or of one shard) with their cells and estimated hours. "
                + "Hours come from a throughput in images per second through one training step of the grid's encoder "
                + "(its image size, width, channels and pretraining batch): given with --img-per-s, or measured "
                + "here with `bench step` (a few steps; about a minute at 224 px on 2 cores).")
public final class GridPlanCommand implements CobenchCommand {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Grid YAML (default: configs/grids/cpu-demo.yaml under the cobench home).")
    Path config;

    @Option(names = "--shard", paramLabel = "k/n", defaultValue = "1/1",
            description = "The slice to list (default: ${DEFAULT-VALUE}).")
    String shard;

    @Option(names = "--cells", description = "List every cell, not only the units.")
    boolean cells;

    @Option(names = "--img-per-s", paramLabel = "X",
            description = "Throughput to plan with (images per second, as `bench step` reports img_per_s at the "
                    + "grid's encoder settings); default: measure it now.")
    Double imgPerS;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "3",
            description = "Timed steps when measuring (default: ${DEFAULT-VALUE}, after one warm-up step).")
    int steps;

    @Override
    public String path() {
        return "grid plan";
    }

    @Override
    public Integer call() {
        GridConfig grid = GridLoader.load(io.cobench.cli.Home.orDefault(config, "configs/grids/cpu-demo.yaml"));
        Shard s = Shard.parse(shard);
        GridPlan plan = GridPlan.of(grid).shard(s);
        GridHours hours = GridHours.of(grid);
        ResNetConfig enc = grid.encoder();
        int batch = grid.pretrain().batchSize();
        String source;
        double rate;
        if (imgPerS != null) {
            if (!(imgPerS > 0) || imgPerS.isInfinite()) {
                throw new UserError("--img-per-s must be a positive number, not " + imgPerS);
            }
            rate = imgPerS;
            source = "given";
        } else {
            if (steps < 1) {
                throw new UserError("--steps must be 1 or more, not " + steps);
            }
            System.err.printf(Locale.ROOT, "measuring throughput: bench step at %d px, batch %d, width %d, %d channels"
                    + " (give --img-per-s to skip)%n", enc.imageSize(), batch, enc.width(), enc.channels());
            Engine.start(System.err);
            Object r = StepBenchmark.run(new StepBenchmark.Args(batch, enc.imageSize(), enc.channels(), enc.width(),
                    steps, 1, 1, Set.of(), false)).get("img_per_s");
            rate = ((Number) r).doubleValue();
            source = "measured with bench step on " + Runtime.getRuntime().availableProcessors() + " threads";
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%-28s %5s %14s %10s%n", "unit", "cells", "image-steps", "hours");
        double totalSteps = 0;
        for (PretrainKey k : plan.units()) {
            double st = hours.imageSteps(k, plan.cells(k));
            totalSteps += st;
            out.printf(Locale.ROOT, "%-28s %5d %14.4g %10s%n", k.runId(), plan.cells(k).size(), st,
                    fmt(GridHours.hours(st, rate)));
            if (cells) {
                for (Cell c : plan.cells(k)) {
                    out.printf(Locale.ROOT, "    %-44s %10s%n", c.id(), fmt(GridHours.hours(hours.imageSteps(c), rate)));
                }
            }
        }
        double total = GridHours.hours(totalSteps, rate);
        out.printf(Locale.ROOT, "shard %s of grid %s: %d units, %d cells, %s hours (%s days) on one machine%n", s,
                grid.name(), plan.units().size(), plan.cells().size(), fmt(total), fmt(total / 24));
        out.printf(Locale.ROOT, "estimate at %.2f img/s (%s: one training step at %d px, batch %d, width %d, %d channels);"
                + " %s dataset sizes%n", rate, source, enc.imageSize(), batch, enc.width(), enc.channels(),
                grid.data().phantom() == null ? "real" : "phantom");
        out.flush();
        return 0;
    }

    private static String fmt(double h) {
        return h >= 100 ? String.format(Locale.ROOT, "%,.0f", h) : String.format(Locale.ROOT, "%.2f", h);
    }
}
