package io.cobench.train;

import io.cobench.batch.BatchSource;
import io.cobench.cli.ProgressMeter;
import io.cobench.cli.UserError;
import io.cobench.engine.Engine;
import io.cobench.graph.ResNetConfig;
import io.cobench.io.AtomicFiles;
import io.cobench.io.Json;
import io.cobench.provenance.Environment;
import io.cobench.spi.SslMethod;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Pretrains one method into a run directory: provenance, resolved config, metrics log,
 * checkpoints, the exported encoder and a DONE marker written last.
 */
public final class Trainer {
    /** Off a terminal the trainer prints one line per this interval (and at its last step). */
    static final long LINE_EVERY_NANOS = 30_000_000_000L;

    /**
     * How a run is started: fresh, or resumed from its latest checkpoint; optionally halted early.
     *
     * @param acceptChanges resume although the config differs from the one the checkpoint was
     *                      trained with; the differences are recorded in provenance
     */
    public record Options(boolean resume, long haltAfter, boolean progress, boolean acceptChanges) {
        public Options(boolean resume, long haltAfter, boolean progress) {
            this(resume, haltAfter, progress, false);
        }

        public static Options fresh() {
            return new Options(false, 0, true);
        }
    }

    /**
     * Losses of the first and the last step, for summaries and tests. {@code session} is null
     * when a resume found the run already finished and trained nothing.
     */
    public record Result(Path runDir, long stepsDone, long totalSteps, boolean finished,
                         Map<String, Double> firstLosses, Map<String, Double> lastLosses,
                         Map<String, Double> lastMetrics, TrainingSession session) {
    }

    /**
     * Config fields that may change between the segments of one run: how often to save, log and
     * collect garbage, how many loader threads, and where the data lies (its identity is in the
     * data fingerprint). Everything else shaped the weights.
     */
    static final java.util.Set<String> MAY_CHANGE_ON_RESUME = java.util.Set.of(
            "train.checkpointEvery", "train.logEvery", "train.gcEvery", "data.workers", "data.root");

    private final SslMethod method;
    private final ResNetConfig encoder;
    private final TrainConfig train;
    private final Map<String, Object> resolvedConfig;
    private final Map<String, Object> extraProvenance = new LinkedHashMap<>();

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

    /** Adds {@code key} to the run's provenance.json (what a caller decided about the run, e.g. a grid's overrides). */
    public Trainer recording(String key, Object value) {
        extraProvenance.put(key, value);
        return this;
    }

    @SuppressWarnings("unchecked")
    public Result run(BatchSource data, Path runDir, Options opt, Map<String, Object> dataFingerprint, PrintStream console) {
        Engine.EngineInfo engine = Engine.start(null);
        Path provFile = runDir.resolve("provenance.json");
        if (Files.exists(runDir.resolve("DONE"))) {
            if (!opt.resume()) {
                throw new UserError("run directory " + runDir + " holds a finished run; "
                        + "a finished run is never overwritten (choose another --out)");
            }
            return finishedRun(runDir, provFile, console);
        }
        Checkpoints ckpt = new Checkpoints(runDir);
        ckpt.removeLeftovers();
        Checkpoints.Snapshot snap = null;
        if (opt.resume()) {
            snap = ckpt.latest();
        } else if (!ckpt.list().isEmpty()) {
            throw new UserError("run directory " + runDir + " already has checkpoints; "
                    + "pass --resume to continue it, or choose another --out");
        }
        TrainingSession session = new TrainingSession(method, encoder, train, data.stepsPerEpoch());
        long total = session.totalSteps();
        List<String> changes = List.of();
        long start = 0;
        Map<String, Object> prov = new LinkedHashMap<>();
        Map<String, Double> first = null;
        if (snap != null) {
            changes = changes(runDir, snap, total);
            if (!changes.isEmpty() && !opt.acceptChanges()) {
                throw new ConfigChangedError(runDir, snap.step(), changes,
                        "pass --accept-changes to continue with the new values; they are recorded in provenance");
            }
            session.restore(snap);
            start = snap.step();
            if (Files.exists(provFile)) {
                prov.putAll(Json.readJson(provFile, Map.class));
            }
            // Checkpoints carry the run's first losses; those written before they did leave it null.
            if (snap.info().get("first_losses") instanceof Map<?, ?> saved) {
                first = losses(saved);
            }
            if (console != null) {
                console.println("resuming " + method.name() + " from step " + start + " of " + total
                        + (changes.isEmpty() ? "" : ", with config changes: " + String.join("; ", changes)));
            }
        }
        long end = opt.haltAfter() > 0 ? Math.min(total, opt.haltAfter()) : total;
        prov.put("kind", "pretrain");
        prov.putAll(extraProvenance);
        prov.put("method", method.name());
        prov.put("seed", train.seed());
        prov.put("total_steps", total);
        prov.put("steps_per_epoch", data.stepsPerEpoch());
        prov.put("trainable_parameters", countParams(session));
        prov.put("data", dataFingerprint);
        prov.put("environment", Environment.of(engine.facts()));
        // A resumed run keeps the start of its first segment; each resume is listed after it.
        String started = Instant.now().toString();
        if (snap != null && snap.info().get("started") instanceof String st) {
            started = st;
        } else if (snap != null && prov.get("started") instanceof String st) {
            started = st;
        }
        prov.put("started", started);
        prov.put("resumed_from_step", start);
        if (snap != null) {
            List<Object> resumes = new ArrayList<>(prov.get("resumes") instanceof List<?> l ? l : List.of());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("from_step", start);
            entry.put("at", Instant.now().toString());
            if (!changes.isEmpty()) {
                entry.put("config_changes", changes);
            }
            resumes.add(entry);
            prov.put("resumes", resumes);
        }
        // config.yaml says what the saved weights were trained with. A fresh run writes it (and its
        // provenance) now; a resume only once its first checkpoint is saved, so a resume with
        // accepted changes that fails at once leaves the record of the checkpoint it came from.
        boolean writeConfig = snap == null || !changes.isEmpty() || !Files.exists(runDir.resolve("config.yaml"));
        Runnable record = () -> {
            Json.writeJson(provFile, prov);
            if (writeConfig) {
                Json.writeYaml(runDir.resolve("config.yaml"), resolvedConfig);
            }
        };
        boolean recorded = snap == null;
        if (snap == null) {
            record.run();
        }

        Map<String, Double> last = Map.of();
        Map<String, Double> lastMetrics = Map.of();
        Instant t0 = Instant.now();
        long imagesSeen = 0;
        long lastLineNanos = System.nanoTime();
        GcPolicy gc = new GcPolicy(train.gcEvery());
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
                // One line per fixed interval, not per epoch: an epoch is seconds at demo scale and hours
                // at paper scale, and a log read off a terminal needs a steady pulse either way.
                long nowNanos = System.nanoTime();
                if (console != null && (step == end - 1 || nowNanos - lastLineNanos >= LINE_EVERY_NANOS)) {
                    console.println(summary(step, total, r));
                    lastLineNanos = nowNanos;
                }
                if (train.checkpointEvery() > 0 && (step + 1) % train.checkpointEvery() == 0 && step + 1 < end) {
                    saveCheckpoint(ckpt, session, step + 1, started, first);
                    if (!recorded) {
                        record.run();
                        recorded = true;
                    }
                } else if (epochEnd && step + 1 < end) {
                    // With no checkpoint due, a diverged run still stops within an epoch rather than hours later.
                    ckpt.verify(step + 1, "variable", session.variables());
                    ckpt.verify(step + 1, "updater state", session.updaterState());
                }
                gc.afterStep(step);
            }
        }
        // The save verifies the whole state: a diverged run stops here, before the encoder and DONE.
        saveCheckpoint(ckpt, session, end, started, first);
        if (!recorded) {
            record.run();
        }
        boolean finished = end == total;
        if (finished) {
            EncoderExport.write(session.sd(), method.encoderScope(), runDir.resolve("encoder.sd"));
            prov.put("finished", Instant.now().toString());
            prov.put("first_losses", first);
            prov.put("last_losses", last);
            Json.writeJson(provFile, prov);
            AtomicFiles.writeString(runDir.resolve("DONE"), Instant.now() + "\n");
        }
        return new Result(runDir, end, total, finished, first == null ? Map.of() : first, last, lastMetrics, session);
    }

    /** A resume of a finished run: says so and touches nothing. */
    @SuppressWarnings("unchecked")
    private Result finishedRun(Path runDir, Path provFile, PrintStream console) {
        Map<String, Object> prov = Files.exists(provFile) ? Json.readJson(provFile, Map.class) : Map.of();
        long total = prov.get("total_steps") instanceof Number n ? n.longValue() : 0;
        if (console != null) {
            console.println("run " + runDir + " is finished (" + total + " steps, DONE); nothing to resume");
        }
        return new Result(runDir, total, total, true, losses(prov.get("first_losses")), losses(prov.get("last_losses")),
                Map.of(), null);
    }

    private static Map<String, Double> losses(Object o) {
        Map<String, Double> m = new LinkedHashMap<>();
        if (o instanceof Map<?, ?> saved) {
            saved.forEach((k, v) -> m.put(String.valueOf(k), v instanceof Number n ? n.doubleValue() : Double.NaN));
        }
        return m;
    }

    /**
     * How this run's config differs from the one the checkpoint was trained with, as
     * {@code field: old -> new}. Checkpoints record their config; older ones only their method,
     * seed and step count, and then config.yaml of the run stands in.
     */
    @SuppressWarnings("unchecked")
    private List<String> changes(Path runDir, Checkpoints.Snapshot snap, long total) {
        Map<String, Object> before = null;
        if (snap.info().get("config") instanceof Map<?, ?> m) {
            before = (Map<String, Object>) m;
        } else if (Files.exists(runDir.resolve("config.yaml"))) {
            try {
                before = Json.YAML.readValue(runDir.resolve("config.yaml").toFile(), Map.class);
            } catch (java.io.IOException e) {
                throw new UserError("cannot read " + runDir.resolve("config.yaml") + " to compare configs: " + e.getMessage());
            }
        }
        List<String> out = new ArrayList<>();
        if (before != null) {
            Map<String, Object> now = Json.JSON.convertValue(resolvedConfig, Map.class);
            before = Json.JSON.convertValue(before, Map.class);
            out.addAll(ConfigDiff.diff(before, now, MAY_CHANGE_ON_RESUME));
        } else {
            if (!method.name().equals(snap.info().get("method"))) {
                out.add("method: " + snap.info().get("method") + " -> " + method.name());
            }
            if (snap.info().get("seed") instanceof Number n && n.longValue() != train.seed()) {
                out.add("train.seed: " + n + " -> " + train.seed());
            }
        }
        // Also catches a dataset that grew or shrank under the same config.
        if (snap.info().get("total_steps") instanceof Number n && n.longValue() != total) {
            out.add("total_steps: " + n + " -> " + total);
        }
        return out;
    }

    private void saveCheckpoint(Checkpoints ckpt, TrainingSession s, long stepsDone, String started,
                                Map<String, Double> first) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("method", method.name());
        info.put("seed", train.seed());
        info.put("total_steps", s.totalSteps());
        info.put("started", started);
        info.put("first_losses", first);
        info.put("config", resolvedConfig);
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
