package io.cobench.train;

import io.cobench.data.pipeline.BatchSource;
import io.cobench.cli.ProgressMeter;
import io.cobench.engine.Engine;
import io.cobench.graph.ResNetConfig;
import io.cobench.io.AtomicFiles;
import io.cobench.io.Json;
import io.cobench.provenance.Provenance;
import io.cobench.spi.SslMethod;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Pretrains one method into a run directory: provenance, resolved config, metrics log,
 * checkpoints, the exported encoder and a DONE marker written last.
 */
public final class Trainer {

    /** How a run is started: fresh, or resumed from its latest checkpoint; optionally halted early. */
    public record Options(boolean resume, long haltAfter, boolean progress) {
        public static Options fresh() {
            return new Options(false, 0, true);
        }
    }

    /** Losses of the first and the last step, for summaries and tests. */
    public record Result(Path runDir, long stepsDone, long totalSteps, boolean finished,
                         Map<String, Double> firstLosses, Map<String, Double> lastLosses,
                         Map<String, Double> lastMetrics, TrainingSession session) {
    }

    private final SslMethod method;
    private final ResNetConfig encoder;
    private final TrainConfig train;
    private final Map<String, Object> resolvedConfig;

    /**
     * @param resolvedConfig the full config as the user's YAML resolved to (defaults included),
     *                       written to the run directory
     */
    public Trainer(SslMethod method, ResNetConfig encoder, TrainConfig train, Map<String, Object> resolvedConfig) {
        this.method = method;
        this.encoder = encoder;
        this.train = train;
        this.resolvedConfig = resolvedConfig;
    }

    public Result run(BatchSource data, Path runDir, Options opt, Map<String, Object> dataFingerprint, PrintStream console) {
        Engine.EngineInfo engine = Engine.start(null);
        if (Files.exists(runDir.resolve("DONE")) && !opt.resume()) {
            throw new io.cobench.cli.UserError("run directory " + runDir + " holds a finished run; "
                    + "a finished run is never overwritten (choose another --out)");
        }
        TrainingSession session = new TrainingSession(method, encoder, train, data.stepsPerEpoch());
        Checkpoints ckpt = new Checkpoints(runDir);
        long start = 0;
        if (opt.resume()) {
            Checkpoints.Snapshot snap = ckpt.latest();
            if (snap != null) {
                session.restore(snap);
                start = snap.step();
                if (console != null) {
                    console.println("resuming " + method.name() + " from step " + start + " of " + session.totalSteps());
                }
            }
        } else if (!ckpt.list().isEmpty()) {
            throw new io.cobench.cli.UserError("run directory " + runDir + " already has checkpoints; "
                    + "pass --resume to continue it, or choose another --out");
        }
        long total = session.totalSteps();
        long end = opt.haltAfter() > 0 ? Math.min(total, opt.haltAfter()) : total;
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("kind", "pretrain");
        prov.put("method", method.name());
        prov.put("seed", train.seed());
        prov.put("total_steps", total);
        prov.put("steps_per_epoch", data.stepsPerEpoch());
        prov.put("trainable_parameters", countParams(session));
        prov.put("data", dataFingerprint);
        prov.put("environment", Provenance.environment(engine));
        prov.put("started", Instant.now().toString());
        prov.put("resumed_from_step", start);
        Json.writeJson(runDir.resolve("provenance.json"), prov);
        Json.writeYaml(runDir.resolve("config.yaml"), resolvedConfig);

        Map<String, Double> first = null;
        Map<String, Double> last = Map.of();
        Map<String, Double> lastMetrics = Map.of();
        Instant t0 = Instant.now();
        long imagesSeen = 0;
        try (MetricsLog log = new MetricsLog(runDir.resolve("metrics.jsonl"), start);
             ProgressMeter bar = ProgressMeter.start(method.name(), total, start, opt.progress() ? console : null)) {
            for (long step = start; step < end; step++) {
                Map<String, org.nd4j.linalg.api.ndarray.INDArray> batch = data.batch(step);
                TrainingSession.StepResult r = session.step(step, batch);
                imagesSeen += data.batchSize();
                if (first == null) {
                    first = r.losses();
                }
                last = r.losses();
                lastMetrics = r.metrics();
                double secs = Math.max(1e-9, Duration.between(t0, Instant.now()).toNanos() / 1e9);
                if (step % train.logEvery() == 0 || step == end - 1) {
                    Map<String, Object> rec = new LinkedHashMap<>();
                    rec.put("step", step);
                    rec.put("epoch", step / data.stepsPerEpoch());
                    rec.putAll(r.losses());
                    rec.putAll(r.metrics());
                    r.lr().forEach((g, v) -> rec.put("lr_" + g, v));
                    rec.put("grad_norm", r.gradNorm());
                    rec.put("img_per_s", imagesSeen / secs);
                    log.write(rec);
                }
                bar.message(String.format(Locale.ROOT, "loss %.4f  %.1f img/s", r.losses().get("loss"), imagesSeen / secs));
                bar.stepTo(step + 1);
                boolean epochEnd = (step + 1) % data.stepsPerEpoch() == 0;
                if (console != null && (epochEnd || step == end - 1)) {
                    console.println(summary(step, total, r));
                }
                if (train.checkpointEvery() > 0 && (step + 1) % train.checkpointEvery() == 0 && step + 1 < end) {
                    saveCheckpoint(ckpt, session, step + 1);
                }
                if (train.gcEvery() > 0 && (step + 1) % train.gcEvery() == 0) {
                    System.gc();
                }
            }
        }
        saveCheckpoint(ckpt, session, end);
        boolean finished = end == total;
        if (finished) {
            EncoderExport.write(session.sd(), method.encoderScope(), runDir.resolve("encoder.sd"));
            prov.put("finished", Instant.now().toString());
            prov.put("first_losses", first);
            prov.put("last_losses", last);
            Json.writeJson(runDir.resolve("provenance.json"), prov);
            AtomicFiles.writeString(runDir.resolve("DONE"), Instant.now() + "\n");
        }
        return new Result(runDir, end, total, finished, first == null ? Map.of() : first, last, lastMetrics, session);
    }

    private void saveCheckpoint(Checkpoints ckpt, TrainingSession s, long stepsDone) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("method", method.name());
        info.put("seed", train.seed());
        info.put("total_steps", s.totalSteps());
        ckpt.save(new Checkpoints.Snapshot(stepsDone, s.variables(), s.updaterState(), info));
    }

    private static long countParams(TrainingSession s) {
        long n = 0;
        for (String v : s.trainableVariables()) {
            n += s.sd().getArrForVarName(v).length();
        }
        return n;
    }

    private static String summary(long step, long total, TrainingSession.StepResult r) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "step %d/%d", step + 1, total));
        r.losses().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %s %.4f", k, v)));
        r.metrics().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %s %.3f", k, v)));
        return sb.toString();
    }

}
