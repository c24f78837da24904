package io.cobench.perf;

import io.cobench.cli.CobenchCommand;
import io.cobench.engine.Engine;
import io.cobench.io.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cobench bench step}: one JSON line with the same keys as ../shared/bench/torch_resnet18.py. */
@Command(name = "step", mixinStandardHelpOptions = true,
        description = "Time forward + backward + update of the ResNet-18 training step; prints one JSON line "
                + "(img_per_s, s_per_step, peak_rss_mb) comparable to the PyTorch reference script.")
public final class BenchStepCommand implements CobenchCommand {
    @Option(names = "--batch", defaultValue = "64", description = "Batch size (default ${DEFAULT-VALUE}).")
    int batch;
    @Option(names = "--size", defaultValue = "64", description = "Image height and width (default ${DEFAULT-VALUE}).")
    int size;
    @Option(names = "--channels", defaultValue = "3", description = "Input channels (default ${DEFAULT-VALUE}).")
    int channels;
    @Option(names = "--width", defaultValue = "64", description = "Base width of ResNet-18 (default ${DEFAULT-VALUE}).")
    int width;
    @Option(names = "--steps", defaultValue = "10", description = "Timed steps (default ${DEFAULT-VALUE}).")
    int steps;
    @Option(names = "--warmup", defaultValue = "2", description = "Untimed first steps (default ${DEFAULT-VALUE}).")
    int warmup;
    @Option(names = "--gc-every", defaultValue = "1",
            description = "System.gc() every N steps; 0 never (RSS then grows, see docs/performance.md).")
    int gcEvery;

    @Option(names = "--rss-at", split = ",", description = "Steps after which to sample resident memory, e.g. 50,500.")
    java.util.List<Integer> rssAt = new java.util.ArrayList<>();

    @Option(names = "--profile", description = "Also split the step into graph, gradient norms, updates and the rest,"
            + " and time every op type (SameDiff listener; adds a little overhead; replayed graph plans call no listeners,"
            + " so the op table needs COBENCH_JAVA_OPTS=-Dcobench.plan=false) and print the table to stderr.")
    boolean profile;

    @Option(names = "--bn", paramLabel = "ROUTE", description = "Batch norm route: fused or primitive "
            + "(default: the system property cobench.bn, else fused).")
    String bn;

    @Override
    public String path() {
        return "bench step";
    }

    @Override
    public Integer call() throws Exception {
        if (batch < 1 || size < 32 || size % 32 != 0 || channels < 1 || width < 1 || steps < 1 || warmup < 0) {
            throw new io.cobench.cli.UserError("bench step: need batch >= 1, size a multiple of 32, channels >= 1, "
                    + "width >= 1, steps >= 1, warmup >= 0");
        }
        Engine.start(System.err);
        if (bn != null) {
            try {
                io.cobench.graph.Layers.bnImpl(io.cobench.graph.Layers.BnImpl.valueOf(bn.toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new io.cobench.cli.UserError("--bn: expected fused or primitive, got '" + bn + "'");
            }
        }
        var result = StepBenchmark.run(new StepBenchmark.Args(batch, size, channels, width, steps, warmup, gcEvery,
                new java.util.HashSet<>(rssAt), profile));
        System.out.println(Json.JSON.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(result));
        return 0;
    }
}
