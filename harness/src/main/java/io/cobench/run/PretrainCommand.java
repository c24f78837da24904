package io.cobench.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cobench.cli.CobenchCommand;
import io.cobench.cli.UserError;
import io.cobench.engine.Engine;
import io.cobench.io.Json;
import io.cobench.spi.MethodRegistry;
import io.cobench.spi.SslMethod;
import io.cobench.train.NonFiniteException;
import io.cobench.train.TrainConfig;
import io.cobench.train.Trainer;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cobench pretrain}: one pretraining run from a YAML config. */
@Command(name = "pretrain", mixinStandardHelpOptions = true,
        description = "Pretrain one method from a YAML config (see configs/cpu and configs/paper). Writes provenance, "
                + "the resolved config, metrics.jsonl, checkpoints and the encoder into --out.")
public final class PretrainCommand implements CobenchCommand {
    @Option(names = "--config", required = true, description = "Run config YAML, e.g. configs/cpu/byol.yaml.")
    Path config;
    @Option(names = "--out", paramLabel = "DIR",
            description = "Run directory (default: runs/pretrain/<method>-<dataset>-s<seed> under the cobench home: "
                    + "$COBENCH_HOME, else the repository root).")
    Path out;
    @Option(names = "--resume", description = "Continue the run in --out from its latest checkpoint. A config that "
            + "differs from the one the checkpoint was trained with (method, seed, schedule, optimiser, ...) is refused "
            + "with the list of differences; a finished run is left as it is.")
    boolean resume;
    @Option(names = "--accept-changes", description = "With --resume: continue although the config differs; the "
            + "differences are recorded in provenance.json and config.yaml takes the new values.")
    boolean acceptChanges;
    @Option(names = "--method", description = "Override the config's method (a registry key, see `cobench methods`).")
    String method;
    @Option(names = "--data-root", paramLabel = "[NAME=]DIR",
            description = "The dataset's folder in its real layout (docs/datasets.md); overrides data.roots.<dataset>.")
    String dataRoot;
    @Option(names = "--phantom-dir", paramLabel = "DIR",
            description = "Where the embedded phantom datasets live when no data root is given (default: runs/phantom "
                    + "under the cobench home).")
    Path phantomDir;
    @Option(names = "--max-steps", description = "Override train.maxSteps (0 = all epochs).")
    Long maxSteps;
    @Option(names = "--epochs", description = "Override train.epochs.")
    Integer epochs;
    @Option(names = "--seed", description = "Override train.seed.")
    Long seed;
    @Option(names = "--on-bad-image", paramLabel = "fail|skip", defaultValue = "fail",
            description = "fail (default) stops at an unreadable image with its path; skip leaves it out and lists it "
                    + "in the run record.")
    String onBadImage;
    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Preprocessing cache (default: runs/cache under the cobench home).")
    Path cacheDir;

    @Override
    public String path() {
        return "pretrain";
    }

    @Override
    public Integer call() {
        if (acceptChanges && !resume) {
            throw new UserError("--accept-changes only applies with --resume");
        }
        // Every option is checked before anything slow (phantom generation, the image cache) starts.
        io.cobench.data.BadImagePolicy policy = io.cobench.data.BadImagePolicy.parse(onBadImage);
        Engine.start(System.out);
        RunConfig cfg = overridden(RunConfig.load(config));
        MethodRegistry reg = MethodRegistry.load();
        Record mcfg;
        try {
            mcfg = reg.resolveConfig(cfg.method(), cfg.params());
        } catch (UserError e) {
            throw new UserError(config + ": " + e.getMessage(), e);
        }
        SslMethod m = reg.provider(cfg.method()).create(cfg.method(), mcfg);
        if (!m.pretrains()) {
            throw new UserError("method '" + cfg.method() + "' does not pretrain (it enters the downstream protocols "
                    + "with a random-initialised encoder)");
        }
        if (cfg.data().root() != null) {
            io.cobench.data.Datasets.deprecated(new java.io.PrintWriter(System.err, true), "data.root in " + config,
                    "data.roots." + cfg.data().dataset());
        }
        Path root = dataRoot != null ? io.cobench.data.Datasets.root(cfg.data().dataset(), dataRoot, null, null)
                : cfg.data().datasetRoot() != null ? Path.of(cfg.data().datasetRoot())
                : PhantomData.ensure(io.cobench.cli.Home.orDefault(phantomDir, "runs/phantom"), System.out).resolve(cfg.data().dataset());
        Path runDir = out != null ? out : io.cobench.cli.Home.dir().resolve("runs").resolve("pretrain").resolve(
                cfg.method() + "-" + cfg.data().dataset() + "-s" + cfg.train().seed());
        PretrainData.Prepared data = PretrainData.prepare(m, cfg.encoder(), cfg, root, io.cobench.cli.Home.orDefault(cacheDir, "runs/cache"),
                policy, System.out);
        System.out.println("pretraining " + cfg.method() + " on " + cfg.data().dataset() + " (" + root + "), "
                + data.fingerprint().get("images") + " images, " + data.source().stepsPerEpoch() + " steps/epoch -> "
                + runDir);
        try (var src = data.source()) {
            Trainer.Result r = new Trainer(m, cfg.encoder(), cfg.train(), cfg.resolved(mcfg))
                    .run(src, runDir, new Trainer.Options(resume, 0, true, acceptChanges), data.fingerprint(), System.out);
            if (r.session() == null) {
                return 0;
            }
            System.out.println(String.format(Locale.ROOT, "done: %d steps, loss %.4f -> %.4f; run in %s",
                    r.stepsDone(), r.firstLosses().getOrDefault("loss", Double.NaN),
                    r.lastLosses().getOrDefault("loss", Double.NaN), runDir));
        } catch (NonFiniteException e) {
            throw new UserError(e.getMessage());
        }
        return 0;
    }

    private RunConfig overridden(RunConfig c) {
        ObjectNode n = Json.JSON.valueToTree(c.train());
        if (maxSteps != null) {
            n.put("maxSteps", maxSteps);
        }
        if (epochs != null) {
            n.put("epochs", epochs);
        }
        if (seed != null) {
            n.put("seed", seed);
        }
        TrainConfig t;
        try {
            t = Json.JSON.convertValue(n, TrainConfig.class);
        } catch (IllegalArgumentException e) {
            Throwable r = e;
            while (r.getCause() != null) {
                r = r.getCause();
            }
            throw new UserError("--epochs/--max-steps/--seed over " + config + ": " + r.getMessage());
        }
        return new RunConfig(method != null ? method : c.method(), method != null && !method.equals(c.method())
                ? null : c.params(), c.encoder(), t, c.data());
    }
}
