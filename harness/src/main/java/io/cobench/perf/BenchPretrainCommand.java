package io.cobench.perf;

import io.cobench.cli.CobenchCommand;
import io.cobench.engine.Engine;
import io.cobench.io.Json;
import io.cobench.run.RunConfig;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cobench bench pretrain}: a method's training-step throughput at its config's scale. */
@Command(name = "pretrain", mixinStandardHelpOptions = true,
        description = "Time a method's pretraining step at the scale of its YAML config on a fixed random batch; "
                + "prints one JSON line (img_per_s, s_per_step, peak_rss_mb).")
public final class BenchPretrainCommand implements CobenchCommand {
    @Option(names = "--config", required = true, description = "Run config YAML, e.g. configs/cpu/byol.yaml.")
    Path config;
    @Option(names = "--steps", defaultValue = "10", description = "Timed steps (default ${DEFAULT-VALUE}).")
    int steps;
    @Option(names = "--warmup", defaultValue = "2", description = "Untimed first steps (default ${DEFAULT-VALUE}).")
    int warmup;

    @Override
    public String path() {
        return "bench pretrain";
    }

    @Override
    public Integer call() throws Exception {
        Engine.start(System.err);
        var r = PretrainBenchmark.run(RunConfig.load(config), steps, warmup);
        System.out.println(Json.JSON.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(r));
        return 0;
    }
}
