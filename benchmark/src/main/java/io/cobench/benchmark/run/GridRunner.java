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
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fills a store with a grid (or one shard of it). Unit by unit, it pretrains the encoder unless a
 * finished run exists, then evaluates the unit's unfinished cells; finished cells are skipped and
 * unfinished ones redone, so an interrupted run continues where it stopped. A unit that fails is
 * reported and the others go on. Units run on a small pool of workers; a user error or an
 * {@link Error} in one stops the others before their next cell and is rethrown.
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
    private final int workers;
    private io.cobench.cli.LineRouter router;
    /** Networks and their gradient graphs are per worker thread, built once and reused. */
    private final ThreadLocal<Evaluator> evaluator;
    private final ThreadLocal<GradCam> gradCam = new ThreadLocal<>();

    /**
     * @param workers units run in parallel, each on its own thread with its own networks; results do
     *                not depend on it
     */
    public GridRunner(GridConfig cfg, ResultsStore store, DataProvider data, Pretrainer pretrainer,
                      MethodCatalog methods, PrintStream log, Listener listener, boolean showBar, int workers) {
        this.cfg = cfg;
        this.store = store;
        this.data = data;
        this.pretrainer = pretrainer;
        this.methods = methods;
        this.log = log;
        this.listener = listener;
        this.showBar = showBar;
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1, got " + workers);
        }
        this.workers = workers;
        this.evaluator = ThreadLocal.withInitial(() -> new Evaluator(cfg.encoder(), cfg.eval(), metrics));
    }

    public Summary run(GridPlan plan) {
        // The reports order their rows as the grid lists its methods, under the providers' labels.
        store.recordRows(cfg.methods().stream().map(methods::row).distinct().toList());
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
        int items = 0;
        int itemsDone = 0;
        int pretrainings = 0;
        int camJobs = 0;
        // What is left to run, by kind, for the ETA: kind -> estimated costs.
        List<Map.Entry<String, Double>> todo = new ArrayList<>();
        for (PretrainKey k : plan.units()) {
            if (missing.contains(k.method())) {
                continue;
            }
            boolean pretrainNeeded = methods.pretrained(k.method()) && !ResultsStore.isDone(store.pretrainDir(k));
            for (Cell c : plan.cells(k)) {
                String hash = CellConfig.hash(CellConfig.resolve(cfg, c, methods));
                hashes.put(c, hash);
                cells++;
                items++;
                if (finished(c, hash)) {
                    alreadyDone++;
                    itemsDone++;
                } else {
                    todo.add(Map.entry(kind(c), GridPlan.cost(c)));
                }
            }
            if (methods.pretrained(k.method())) {
                items++;
                pretrainings++;
                itemsDone += pretrainNeeded ? 0 : 1;
                if (pretrainNeeded) {
                    todo.add(Map.entry(PRETRAIN, GridPlan.costPretrain()));
                }
            }
            if (gradcamCell(k, plan) != null) {
                items++;
                camJobs++;
                itemsDone += gradcamDone(k.method()) ? 1 : 0;
                if (!gradcamDone(k.method())) {
                    todo.add(Map.entry(GRADCAM, 1.0));
                }
            }
        }
        Map<String, String> failed = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
        AtomicInteger evaluated = new AtomicInteger();
        AtomicInteger gradcams = new AtomicInteger();
        AtomicReference<Throwable> fatal = new AtomicReference<>();
        List<PretrainKey> queue = plan.units().stream().filter(k -> !missing.contains(k.method())).toList();
        int threads = Math.max(1, Math.min(workers, queue.size()));
        useNativeThreads(Math.max(1, Runtime.getRuntime().availableProcessors() / threads));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "grid-worker");
            t.setDaemon(true);
            return t;
        });
        log.printf(Locale.ROOT, "%d pieces of work: %d cells, %d pretrainings, %d Grad-CAM jobs; %d done earlier%n",
                items, cells, pretrainings, camJobs, itemsDone);
        try (Progress progress = new Progress(log, "pieces", items, itemsDone, threads, showBar)) {
            todo.forEach(e -> progress.plan(e.getKey(), e.getValue()));
            if (router != null) {
                router.route(progress::note);
            }
            for (PretrainKey k : queue) {
                pool.execute(() -> {
                    if (fatal.get() != null) {
                        return;
                    }
                    try {
                        runUnit(k, plan, hashes, progress, evaluated, gradcams, fatal);
                    } catch (UserError e) {
                        fatal.compareAndSet(null, e);
                    } catch (RuntimeException e) {
                        failed.put(k.runId(), e.toString());
                        progress.note("FAILED " + k.runId() + ": " + e);
                        synchronized (log) {
                            e.printStackTrace(log);
                        }
                    } catch (Error e) {
                        fatal.compareAndSet(null, e);
                    }
                });
            }
            pool.shutdown();
            try {
                pool.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
            } catch (InterruptedException e) {
                pool.shutdownNow();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the grid was running", e);
            }
        }
        if (router != null) {
            router.direct();
        }
        Throwable f = fatal.get();
        if (f instanceof RuntimeException re) {
            throw re;
        }
        if (f instanceof Error err) {
            throw err;
        }
        return new Summary(cells, alreadyDone, evaluated.get(), missing, new LinkedHashMap<>(failed), gradcams.get());
    }

    /** One encoder and its unfinished cells, on the calling worker thread. */
    private void runUnit(PretrainKey k, GridPlan plan, Map<Cell, String> hashes, Progress progress,
                         AtomicInteger evaluated, AtomicInteger gradcams, AtomicReference<Throwable> fatal) {
        List<Cell> todo = plan.cells(k).stream().filter(c -> !ResultsStore.isDone(store.evalDir(c))).toList();
        Cell camCell = gradcamCell(k, plan);
        boolean camTodo = camCell != null && !gradcamDone(k.method());
        if (todo.isEmpty() && !camTodo) {
            return;
        }
        boolean pretraining = methods.pretrained(k.method()) && !ResultsStore.isDone(store.pretrainDir(k));
        progress.now((pretraining ? "pretraining " : "encoder ") + k.runId());
        long t0 = System.nanoTime();
        long cpu0 = cpuNanos();
        EncoderWeights weights = encoder(k, progress.console(k.runId()));
        if (pretraining) {
            progress.done(PRETRAIN, GridPlan.costPretrain(), (System.nanoTime() - t0) / 1e9, String.format(Locale.ROOT, "pretrained %s in %.1f s (cpu %.1f s)",
                    k.runId(), (System.nanoTime() - t0) / 1e9, (cpuNanos() - cpu0) / 1e9));
        }
        for (Cell c : todo) {
            if (fatal.get() != null) {
                return;
            }
            progress.now(c.id());
            long t = System.nanoTime();
            long cpu = cpuNanos();
            Instant start = Instant.now();
            Outcome out = evaluate(c, k, weights);
            CellMetrics m = CellWriter.write(store.evalDir(c), c, out, new CellWriter.Labels(methods.row(c.method()),
                    cfg.selection(), hashes.get(c), pretrainRun(k)), provenance(c, k, weights, out, start), metrics);
            evaluated.incrementAndGet();
            progress.done(kind(c), GridPlan.cost(c), (System.nanoTime() - t) / 1e9, String.format(Locale.ROOT, "%-40s %s %s (%.1f s, cpu %.1f s)", c.id(),
                    m.metric(), m.value() == null ? "undefined" : String.format(Locale.ROOT, "%.4f", m.value()),
                    (System.nanoTime() - t) / 1e9, (cpuNanos() - cpu) / 1e9));
            if (camTodo && c.equals(camCell)) {
                gradcams.addAndGet(explain(k, out, progress));
                camTodo = false;
            }
            listener.cellFinished(c, m);
        }
        if (camTodo) {
            // The cell finished in an earlier run; its deterministic head is trained again.
            gradcams.addAndGet(explain(k, evaluate(camCell, k, weights), progress));
        }
    }

    /**
     * Native ops threads per worker. With several workers, each op runs on one thread: on 2 cores two
     * single-threaded workers beat one two-threaded one, and spinning OpenMP threads no longer
     * collapse throughput when other processes share the cores (measured 9x on a loaded machine).
     */
    private static void useNativeThreads(int n) {
        org.nd4j.nativeblas.NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(n);
        org.nd4j.linalg.factory.Nd4j.getEnvironment().setMaxMasterThreads(n);
    }

    private Outcome evaluate(Cell c, PretrainKey k, EncoderWeights weights) {
        return evaluator.get().evaluate(c, dataset(c.dataset()), k.runId(), weights, cfg.selectsOnTest());
    }

    /** The provider opens each dataset once; the workers share it (its splits are read-only). */
    private DownstreamData dataset(Downstream d) {
        return data.downstream(d);
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

    private EncoderWeights encoder(PretrainKey k, PrintStream console) {
        if (!methods.pretrained(k.method())) {
            return EncoderWeights.random(cfg.encoder(), k.seed());
        }
        Path dir = store.pretrainDir(k);
        if (!ResultsStore.isDone(dir)) {
            pretrainer.pretrain(k, cfg, dir, console);
            if (!ResultsStore.isDone(dir)) {
                throw new IllegalStateException("pretraining " + k.runId() + " returned without writing DONE");
            }
        }
        return EncoderWeights.load(dir.resolve("encoder.sd"));
    }

    private String pretrainRun(PretrainKey k) {
        return methods.pretrained(k.method()) ? k.runId() : null;
    }

    private Map<String, Object> provenance(Cell c, PretrainKey k, EncoderWeights weights, Outcome out,
                                           Instant start) {
        Map<String, Object> config = new LinkedHashMap<>(CellConfig.resolve(cfg, c, methods));
        config.put("fraction", c.fraction());
        config.put("seed", c.seed());
        config.put("grid", cfg.name());
        config.put("encoder_weights", weights.origin());
        Map<String, Object> fp = new LinkedHashMap<>(dataset(c.dataset()).fingerprint(c.fraction(),
                Evaluator.seeds(c).get("subset")));
        Map<String, Object> p = Provenance.of(config, Evaluator.seeds(c), fp, pretrainRun(k), start, Instant.now());
        p.put("training", out.training());
        return p;
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

    /** Lines of {@code r} (written by objects built before the bar) go through the bar while it runs. */
    public void routeWhileRunning(io.cobench.cli.LineRouter r) {
        this.router = r;
    }

    private static final String PRETRAIN = "pretrain";
    private static final String GRADCAM = "gradcam";

    /** Cells of one protocol on one dataset take alike per unit of estimated cost; others need not. */
    private static String kind(Cell c) {
        return c.protocol() + "/" + c.dataset().key();
    }

    private int explain(PretrainKey k, Outcome out, Progress progress) {
        GridConfig.GradCamSpec g = cfg.gradcam();
        DownstreamData nih = dataset(Downstream.NIH);
        if (gradCam.get() == null) {
            gradCam.set(new GradCam(cfg.encoder(), g.layer(), nih.classes().size()));
        }
        long t = System.nanoTime();
        List<PointingGame.Score> scores = GradCamJob.run(k.method(), nih, gradCam.get(), out.encoder(), out.head(),
                g.classes(), g.maxImages(), store.gradcamDir());
        StringBuilder sb = new StringBuilder();
        for (PointingGame.Score s : scores) {
            sb.append(String.format(Locale.ROOT, " %s %d/%d", s.finding(), s.hits(), s.images()));
        }
        progress.done(GRADCAM, 1, (System.nanoTime() - t) / 1e9, String.format(Locale.ROOT, "grad-cam %-31s pointing%s (%.1f s)", k.method(), sb,
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
}
