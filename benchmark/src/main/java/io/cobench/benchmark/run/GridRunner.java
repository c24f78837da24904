package io.cobench.benchmark.run;

import io.cobench.benchmark.data.DownstreamData;
import io.cobench.benchmark.gradcam.GradCam;
import io.cobench.benchmark.gradcam.GradCamJob;
import io.cobench.benchmark.gradcam.PointingGame;
import io.cobench.benchmark.grid.Cell;
import io.cobench.benchmark.grid.Downstream;
import io.cobench.benchmark.grid.GridConfig;
import io.cobench.benchmark.grid.GridPlan;
import io.cobench.benchmark.grid.PretrainKey;
import io.cobench.benchmark.grid.Protocol;
import io.cobench.benchmark.metrics.Metrics;
import io.cobench.benchmark.model.EncoderWeights;
import io.cobench.benchmark.protocol.Evaluator;
import io.cobench.benchmark.protocol.Outcome;
import io.cobench.benchmark.store.CellMetrics;
import io.cobench.benchmark.store.CellWriter;
import io.cobench.benchmark.store.Provenance;
import io.cobench.benchmark.store.ResultsStore;
import io.cobench.cli.UserError;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Fills a store with a grid (or one shard of it). Unit by unit, it pretrains the encoder unless a
 * finished run exists, then evaluates the unit's unfinished cells; finished cells are skipped and
 * unfinished ones redone, so an interrupted run continues where it stopped. A unit that fails is
 * reported and the others go on.
 */
public final class GridRunner {

    /** Hooks for callers that follow the run (tests inject interruptions here). */
    public interface Listener {
        default void cellFinished(Cell cell, CellMetrics metrics) {
        }
    }

    /** What a run did. */
    public record Summary(int cells, int alreadyDone, int evaluated, List<String> missingMethods,
                          Map<String, String> failedUnits, int gradcams) {
        public boolean ok() {
            return failedUnits.isEmpty();
        }
    }

    private final GridConfig cfg;
    private final ResultsStore store;
    private final DataProvider data;
    private final Pretrainer pretrainer;
    private final MethodCatalog methods;
    private final PrintStream log;
    private final Listener listener;
    private final boolean showBar;
    private final Metrics metrics = Metrics.DEFAULT;
    private final Map<Downstream, DownstreamData> opened = new EnumMap<>(Downstream.class);
    private Evaluator evaluator;
    private GradCam gradCam;

    public GridRunner(GridConfig cfg, ResultsStore store, DataProvider data, Pretrainer pretrainer,
                      MethodCatalog methods, PrintStream log, Listener listener, boolean showBar) {
        this.cfg = cfg;
        this.store = store;
        this.data = data;
        this.pretrainer = pretrainer;
        this.methods = methods;
        this.log = log;
        this.listener = listener;
        this.showBar = showBar;
    }

    public Summary run(GridPlan plan) {
        List<String> missing = new ArrayList<>();
        for (PretrainKey k : plan.units()) {
            if (!methods.available(k.method()) && !missing.contains(k.method())) {
                missing.add(k.method());
                log.println("note: " + methods.missingMessage(k.method()));
            }
        }
        Map<Cell, String> hashes = new LinkedHashMap<>();
        int cells = 0;
        int alreadyDone = 0;
        double total = 0;
        double done = 0;
        for (PretrainKey k : plan.units()) {
            if (missing.contains(k.method())) {
                continue;
            }
            boolean pretrainNeeded = methods.pretrained(k.method()) && !ResultsStore.isDone(store.pretrainDir(k));
            boolean unitOpen = pretrainNeeded;
            for (Cell c : plan.cells(k)) {
                String hash = CellConfig.hash(CellConfig.resolve(cfg, c, methods));
                hashes.put(c, hash);
                cells++;
                total += GridPlan.cost(c);
                if (finished(c, hash)) {
                    alreadyDone++;
                    done += GridPlan.cost(c);
                } else {
                    unitOpen = true;
                }
            }
            if (methods.pretrained(k.method())) {
                total += GridPlan.costPretrain();
                done += pretrainNeeded ? 0 : GridPlan.costPretrain();
            }
            if (gradcamCell(k, plan) != null) {
                total += 1;
                done += gradcamDone(k.method()) ? 1 : 0;
            }
        }
        Map<String, String> failed = new LinkedHashMap<>();
        int evaluated = 0;
        int gradcams = 0;
        try (Progress progress = new Progress(log, "grid", total, done, showBar)) {
            for (PretrainKey k : plan.units()) {
                if (missing.contains(k.method())) {
                    continue;
                }
                List<Cell> todo = plan.cells(k).stream().filter(c -> !finished(c, hashes.get(c))).toList();
                Cell camCell = gradcamCell(k, plan);
                boolean camTodo = camCell != null && !gradcamDone(k.method());
                if (todo.isEmpty() && !camTodo) {
                    continue;
                }
                try {
                    progress.now("encoder " + k.runId());
                    long t0 = System.nanoTime();
                    long cpu0 = cpuNanos();
                    boolean pretraining = methods.pretrained(k.method())
                            && !ResultsStore.isDone(store.pretrainDir(k));
                    EncoderWeights weights = encoder(k);
                    if (pretraining) {
                        progress.done(GridPlan.costPretrain(), String.format(Locale.ROOT,
                                "pretrained %s in %.1f s (cpu %.1f s)", k.runId(), (System.nanoTime() - t0) / 1e9,
                                (cpuNanos() - cpu0) / 1e9));
                    }
                    for (Cell c : todo) {
                        progress.now(c.id());
                        long t = System.nanoTime();
                        long cpu = cpuNanos();
                        Instant start = Instant.now();
                        Outcome out = evaluate(c, k, weights);
                        CellMetrics m = CellWriter.write(store.evalDir(c), c, out, new CellWriter.Labels(
                                        methods.row(c.method()), cfg.selection(), hashes.get(c), pretrainRun(k)),
                                provenance(c, k, weights, start), metrics);
                        evaluated++;
                        progress.done(GridPlan.cost(c), String.format(Locale.ROOT, "%-40s %s %s (%.1f s, cpu %.1f s)",
                                c.id(), m.metric(), m.value() == null ? "undefined" : String.format(Locale.ROOT, "%.4f",
                                        m.value()), (System.nanoTime() - t) / 1e9, (cpuNanos() - cpu) / 1e9));
                        if (camTodo && c.equals(camCell)) {
                            gradcams += explain(k, out, progress);
                            camTodo = false;
                        }
                        listener.cellFinished(c, m);
                    }
                    if (camTodo) {
                        // The cell finished in an earlier run; its deterministic head is trained again.
                        gradcams += explain(k, evaluate(camCell, k, weights), progress);
                    }
                } catch (RuntimeException e) {
                    if (e instanceof UserError) {
                        throw e;
                    }
                    failed.put(k.runId(), e.toString());
                    progress.note("FAILED " + k.runId() + ": " + e);
                    e.printStackTrace(log);
                }
            }
        }
        return new Summary(cells, alreadyDone, evaluated, missing, failed, gradcams);
    }

    private Outcome evaluate(Cell c, PretrainKey k, EncoderWeights weights) {
        if (evaluator == null) {
            evaluator = new Evaluator(cfg.encoder(), cfg.eval(), metrics);
        }
        return evaluator.evaluate(c, dataset(c.dataset()), k.runId(), weights, cfg.selectsOnTest());
    }

    private DownstreamData dataset(Downstream d) {
        return opened.computeIfAbsent(d, data::downstream);
    }

    /**
     * A cell is finished when its directory holds DONE; if it was computed under another config, the
     * store cannot be continued with this one.
     */
    private boolean finished(Cell c, String hash) {
        Path dir = store.evalDir(c);
        if (!ResultsStore.isDone(dir)) {
            return false;
        }
        String stored = CellWriter.read(dir).configHash();
        if (!hash.equals(stored)) {
            throw new UserError("cell " + c.id() + " in " + store.root() + " was computed with config " + stored
                    + ", the current config gives " + hash + "; finished cells are never mixed or overwritten, "
                    + "so use a new --store (or restore the config)");
        }
        return true;
    }

    private EncoderWeights encoder(PretrainKey k) {
        if (!methods.pretrained(k.method())) {
            return EncoderWeights.random(cfg.encoder(), k.seed());
        }
        Path dir = store.pretrainDir(k);
        if (!ResultsStore.isDone(dir)) {
            pretrainer.pretrain(k, cfg, dir);
            if (!ResultsStore.isDone(dir)) {
                throw new IllegalStateException("pretraining " + k.runId() + " returned without writing DONE");
            }
        }
        return EncoderWeights.load(dir.resolve("encoder.sd"));
    }

    private String pretrainRun(PretrainKey k) {
        return methods.pretrained(k.method()) ? k.runId() : null;
    }

    private Map<String, Object> provenance(Cell c, PretrainKey k, EncoderWeights weights, Instant start) {
        Map<String, Object> config = new LinkedHashMap<>(CellConfig.resolve(cfg, c, methods));
        config.put("fraction", c.fraction());
        config.put("seed", c.seed());
        config.put("grid", cfg.name());
        config.put("encoder_weights", weights.origin());
        Map<String, Object> fp = new LinkedHashMap<>(dataset(c.dataset()).fingerprint(c.fraction(),
                Evaluator.seeds(c).get("subset")));
        return Provenance.of(config, Evaluator.seeds(c), fp, pretrainRun(k), start, Instant.now());
    }

    // ---- Grad-CAM ------------------------------------------------------------------------------

    /** The cell whose classifier Grad-CAM explains for this unit's method, if this unit holds it. */
    private Cell gradcamCell(PretrainKey k, GridPlan plan) {
        GridConfig.GradCamSpec g = cfg.gradcam();
        if (g == null || k.seed() != cfg.seeds().get(0)) {
            return null;
        }
        Cell c = new Cell(Protocol.parse(g.protocol()), Downstream.NIH, g.fraction(), k.method(), k.seed());
        return plan.cells(k).contains(c) ? c : null;
    }

    private boolean gradcamDone(String method) {
        return ResultsStore.isDone(store.gradcamDir().resolve(method));
    }

    private int explain(PretrainKey k, Outcome out, Progress progress) {
        GridConfig.GradCamSpec g = cfg.gradcam();
        DownstreamData nih = dataset(Downstream.NIH);
        if (gradCam == null) {
            gradCam = new GradCam(cfg.encoder(), g.layer(), nih.classes().size());
        }
        long t = System.nanoTime();
        List<PointingGame.Score> scores = GradCamJob.run(k.method(), nih, gradCam, out.encoder(), out.head(),
                g.classes(), g.maxImages(), store.gradcamDir());
        StringBuilder sb = new StringBuilder();
        for (PointingGame.Score s : scores) {
            sb.append(String.format(Locale.ROOT, " %s %d/%d", s.finding(), s.hits(), s.images()));
        }
        progress.done(1, String.format(Locale.ROOT, "grad-cam %-31s pointing%s (%.1f s)", k.method(), sb,
                (System.nanoTime() - t) / 1e9));
        return 1;
    }

    /**
     * CPU time of the whole process (all threads, native ones included): next to wall time it shows
     * how much other load on the machine stretched a step.
     */
    static long cpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    /** Methods whose Grad-CAM maps are in the store (for the final message). */
    public static Set<String> gradcamMethods(ResultsStore store) {
        Set<String> s = new LinkedHashSet<>();
        Path root = store.gradcamDir();
        if (Files.isDirectory(root)) {
            try (var l = Files.list(root)) {
                l.filter(ResultsStore::isDone).forEach(p -> s.add(p.getFileName().toString()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return s;
    }
}
