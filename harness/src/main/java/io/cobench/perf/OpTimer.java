package io.cobench.perf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Wall time per op type over the steps it listens to. Issue 9 asks for profile evidence (which ops
 * take a step's time); SameDiff's own ProfilingListener writes a trace per op instance, which is
 * too fine to read for a graph of a thousand ops, so this one sums by op name.
 */
public final class OpTimer extends BaseListener {
    private final Map<String, long[]> byOp = new HashMap<>();
    private long started;
    private long startedCpu;
    private long totalNanos;
    private long totalCpuNanos;
    private long firstStart = -1;
    private long lastEnd;
    private long spanNanos;
    private boolean on = true;
    /** -Dcobench.profile.shapes=true: one row per op and input shape, with its fastest call. */
    private static final boolean BY_SHAPE = Boolean.getBoolean("cobench.profile.shapes");

    /** Starts or pauses the accounting (warm-up steps are not counted). */
    public void enabled(boolean on) {
        this.on = on;
    }

    @Override
    public boolean isActive(Operation operation) {
        return true;
    }

    @Override
    public void preOpExecution(SameDiff sd, At at, SameDiffOp op, OpContext ctx) {
        startedCpu = CpuTime.processNanos();
        started = System.nanoTime();
        if (firstStart < 0) {
            firstStart = started;
        }
    }

    /** Marks a step's start: the span from its first op's start to its last op's end is the graph's share of the step. */
    public void beginStep() {
        firstStart = -1;
    }

    /** Marks a step's end (see {@link #beginStep}). */
    public void endStep() {
        if (on && firstStart >= 0) {
            spanNanos += lastEnd - firstStart;
        }
    }

    /**
     * Seconds per step from the first op's start to the last op's end: the ops plus the session's
     * own work between them; the step's remainder is the harness's (updates, gradient norms, GC).
     */
    public double graphSecondsPerStep(int steps) {
        return spanNanos / 1e9 / Math.max(1, steps);
    }

    @Override
    public void opExecution(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, OpContext ctx,
                            INDArray[] outputs) {
        if (!on) {
            return;
        }
        long end = System.nanoTime();
        lastEnd = end;
        long dt = end - started;
        long cpu = CpuTime.processNanos() - startedCpu;
        String key = op.getOp().opName();
        if (BY_SHAPE && ctx != null && ctx.numInputArguments() > 0 && ctx.getInputArray(0) != null) {
            key += " " + java.util.Arrays.toString(ctx.getInputArray(0).shape());
        }
        long[] acc = byOp.computeIfAbsent(key, k -> new long[] {0, 0, 0, Long.MAX_VALUE});
        acc[3] = Math.min(acc[3], dt);
        acc[0] += dt;
        acc[1]++;
        acc[2] += cpu;
        totalNanos += dt;
        totalCpuNanos += cpu;
    }

    /** Op types by total time, largest first, with their share of all op time. */
    public List<Map<String, Object>> table(int steps) {
        List<Map.Entry<String, long[]>> rows = new ArrayList<>(byOp.entrySet());
        rows.sort((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map.Entry<String, long[]> e : rows) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("op", e.getKey());
            r.put("ms_per_step", StepBenchmark.round(e.getValue()[0] / 1e6 / Math.max(1, steps), 2));
            r.put("calls_per_step", e.getValue()[1] / Math.max(1, steps));
            r.put("min_ms", StepBenchmark.round(e.getValue()[3] / 1e6, 3));
            r.put("cpu_ms_per_step", StepBenchmark.round(e.getValue()[2] / 1e6 / Math.max(1, steps), 2));
            r.put("share", StepBenchmark.round((double) e.getValue()[0] / Math.max(1, totalNanos), 4));
            out.add(r);
        }
        return out;
    }

    /** Sum of op times per step in seconds; the rest of a step is Java-side overhead. */
    public double opSecondsPerStep(int steps) {
        return totalNanos / 1e9 / Math.max(1, steps);
    }

    /** CPU time of the whole process (all threads) inside ops, per step, in seconds. */
    public double opCpuSecondsPerStep(int steps) {
        return totalCpuNanos / 1e9 / Math.max(1, steps);
    }

    /** A fixed-width text table of the top {@code n} rows. */
    public String format(int steps, int n) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-44s %12s %12s %9s %8s %7s%n", "op", "ms/step",
                "cpu ms/step", "min ms", "calls", "share"));
        for (Map<String, Object> r : table(steps).subList(0, Math.min(n, byOp.size()))) {
            sb.append(String.format(Locale.ROOT, "%-44s %12.2f %12.2f %9.3f %8d %6.1f%%%n", r.get("op"), (double) r.get("ms_per_step"),
                    (double) r.get("cpu_ms_per_step"), (double) r.get("min_ms"), (long) r.get("calls_per_step"), 100 * (double) r.get("share")));
        }
        return sb.toString();
    }
}
