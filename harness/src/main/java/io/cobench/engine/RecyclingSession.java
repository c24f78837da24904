package io.cobench.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.Listener;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.config.ExecutionResult;
import org.nd4j.autodiff.samediff.config.SDValue;
import org.nd4j.autodiff.samediff.config.SDValueType;
import org.nd4j.autodiff.samediff.internal.FrameIter;
import org.nd4j.autodiff.samediff.internal.InferenceSession;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.BaseCompatOp;
import org.nd4j.linalg.api.ops.custom.Invoke;
import org.nd4j.linalg.api.ops.impl.shape.tensorops.BaseTensorOp;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * An inference session that frees each intermediate array as soon as the last op that reads it
 * has run, and hands its memory to the next op that needs the same shape.
 *
 * <p>Why: in ND4J 1.0.0-M2.1, {@code calculateGradients} turns the session's array cache off
 * (its dependency tracker keys each use of an array by a fresh id, so it cannot tell when an
 * array is dead). Every activation and gradient of a training step then stays allocated until
 * the garbage collector runs, and every op output is a new, zero-filled native allocation. Here
 * the liveness comes from the graph itself: the ops of the call's subgraph that read a variable
 * are counted before the first op runs, and the count falls as they execute.
 *
 * <p>An op output counts as owning its memory only if it is the very array this session's pool
 * handed out for that op; anything else (identity pass-through, views, in-place assign) is
 * treated as sharing memory with all of the op's inputs and keeps them alive as long as it
 * lives. Requested outputs are never recycled. Graphs with control flow or tensor arrays run
 * without recycling.
 *
 * <p>Every session, recycling or not, also applies {@link KernelChoice} to each op.
 */
public final class RecyclingSession extends InferenceSession {
    private ArrayPool pool;
    private final boolean poison;
    private final boolean recycling;
    private boolean started;
    private boolean active;
    private Set<String> pinned = Set.of();
    private final Map<String, Integer> readsLeft = new HashMap<>();
    /** Per live variable: the pooled arrays whose memory it may use. */
    private final Map<String, List<INDArray>> keeps = new HashMap<>();
    /** Per pooled array in use: how many live variables keep it. */
    private final Map<INDArray, Integer> holders = new IdentityHashMap<>();
    /** Requested outputs of the last call that own their memory alone, so a caller may give them back. */
    private final Set<INDArray> returnable = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Weak, so that a finished run's graph and pool do not stay reachable from its worker thread. */
    private static final ThreadLocal<java.lang.ref.WeakReference<RecyclingSession>> LAST = new ThreadLocal<>();
    private static volatile Mode installedMode;
    private static final ThreadOverride<Mode> OVERRIDE = new ThreadOverride<>();
    private static final java.util.concurrent.atomic.AtomicLong REUSED_TOTAL = new java.util.concurrent.atomic.AtomicLong();

    /** How sessions created on a thread manage their arrays. */
    public enum Mode {
        /** ND4J's own memory manager (no reuse in gradient graphs). */
        OFF,
        /** Recycle dead arrays. */
        ON,
        /** Recycle, and fill every reused array with NaN first (for tests). */
        POISON
    }

    /**
     * Makes every SameDiff session created from now on a RecyclingSession in the mode that
     * {@link #defaultMode()} reads once, here, so that a bad value fails at start-up. Recycling is
     * on by default; the system property {@code cobench.recycle=false} keeps ND4J's memory manager,
     * and {@code cobench.recycle=poison} fills reused arrays with NaN so that an op relying on
     * zeroed output memory shows up.
     */
    public static synchronized void install() {
        if (installedMode != null) {
            return;
        }
        Mode fromProperty = defaultMode();
        SameDiff.bindInferenceFactory(sd -> new RecyclingSession(sd,
                OVERRIDE.get() != null ? OVERRIDE.get() : fromProperty));
        installedMode = fromProperty;
    }

    /** The mode the {@code cobench.recycle} property asks for: true (default), false or poison. */
    public static Mode defaultMode() {
        String p = System.getProperty("cobench.recycle", "true").trim().toLowerCase(java.util.Locale.ROOT);
        return switch (p) {
            case "true", "on" -> Mode.ON;
            case "false", "off" -> Mode.OFF;
            case "poison" -> Mode.POISON;
            default -> throw new IllegalArgumentException(
                    "system property cobench.recycle=" + p + ": expected true, false or poison");
        };
    }

    /** Runs {@code body} with sessions first created on this thread in mode {@code m}. */
    public static <T> T withMode(Mode m, java.util.function.Supplier<T> body) {
        install();
        return OVERRIDE.with(m, body);
    }

    /** Arrays reused from pools by all recycling sessions of this process so far. */
    public static long reusedTotal() {
        return REUSED_TOTAL.get();
    }

    public RecyclingSession(SameDiff sd, Mode mode) {
        super(sd);
        this.recycling = mode != Mode.OFF;
        this.poison = mode == Mode.POISON;
        this.pool = new ArrayPool(poison, REUSED_TOTAL);
        if (recycling) {
            setMmgr(pool);
        }
    }

    @Override
    protected Map<String, INDArray> preprocessPlaceholders(Map<String, INDArray> placeholders, At at) {
        pool.beginCall();
        LAST.set(new java.lang.ref.WeakReference<>(this));
        returnable.clear();
        readsLeft.clear();
        keeps.clear();
        holders.clear();
        started = false;
        Map<String, INDArray> out = super.preprocessPlaceholders(placeholders, at);
        pool.takeIssued(); // placeholder casts belong to no op
        return out;
    }

    @Override
    public Pair<SameDiffOp, OpContext> getAndParameterizeOp(String opName, FrameIter frameIter, Set<VarId> opInputs,
                                                           Set<VarId> allIterInputs, Set<String> constAndPhInputs,
                                                           Map<String, INDArray> placeholderValues,
                                                           Set<String> allReqVariables,
                                                           Map<String, SDValue> otherPlaceholders) {
        Pair<SameDiffOp, OpContext> p = super.getAndParameterizeOp(opName, frameIter, opInputs, allIterInputs,
                constAndPhInputs, placeholderValues, allReqVariables, otherPlaceholders);
        if (p.getSecond() != null) {
            p.getSecond().allowHelpers(KernelChoice.oneDnn(p.getFirst().getOp(), p.getSecond()));
        }
        return p;
    }

    @Override
    public ExecutionResult getOutputs(Pair<SameDiffOp, OpContext> opPair, FrameIter frameIter,
                                      Set<VarId> opInputs, Set<VarId> allIterInputs, Set<String> constAndPhInputs,
                                      List<Listener> listeners, At at, MultiDataSet batch,
                                      Set<String> allReqVariables, Map<String, SDValue> otherPlaceHolders) {
        if (!started) {
            start(allReqVariables);
        }
        ExecutionResult out = super.getOutputs(opPair, frameIter, opInputs, allIterInputs, constAndPhInputs,
                listeners, at, batch, allReqVariables, otherPlaceHolders);
        GraphPlan.Recorder rec = GraphPlan.RECORDER.get();
        if (rec != null) {
            rec.result(opPair.getFirst(), out);
        }
        Set<INDArray> fresh = pool.takeIssued();
        if (active) {
            if (!OUTER_FRAME.equals(frameIter.getFrame())) {
                active = false; // defensive: start() found no frames, so this cannot happen
            } else {
                track(opPair.getFirst(), out, fresh);
            }
        }
        return out;
    }

    /**
     * Runs {@code conv2d_bp} on forward kernels where {@link ConvBackward#composes} says so, into
     * the output arrays the session allocated for it; every other op as ND4J runs it.
     */
    @Override
    public ExecutionResult doExec(DifferentialFunction op, OpContext oc, FrameIter outputFrameIter,
                                  Set<VarId> opInputs, Set<VarId> allIterInputs, Set<String> constAndPhInputs,
                                  Map<String, SDValue> otherPlaceHolders) {
        GraphPlan.Recorder rec = GraphPlan.RECORDER.get();
        if (rec != null) {
            rec.before(this, op, oc, outputFrameIter, opInputs, allIterInputs, constAndPhInputs, otherPlaceHolders);
        }
        OpThreads.forOp(op, oc);
        if (oc != null && op instanceof DynamicCustomOp c && "conv2d_bp".equals(op.opName())
                && ConvBackward.composes(c, oc)) {
            ConvBackward.run(oc.getInputArray(0), oc.getInputArray(1), oc.getInputArray(2), c.iArgs(),
                    oc.getOutputArray(0), oc.getOutputArray(1), true);
            return ExecutionResult.createFrom(op, oc);
        }
        return super.doExec(op, oc, outputFrameIter, opInputs, allIterInputs, constAndPhInputs, otherPlaceHolders);
    }

    @Override
    protected Map<String, SDValue> postProcessOutputValues(Map<String, SDValue> output) {
        Map<String, SDValue> out = super.postProcessOutputValues(output);
        OpThreads.reset();
        if (active && out != null) {
            for (var e : out.entrySet()) {
                List<INDArray> keep = keeps.get(e.getKey());
                SDValue v = e.getValue();
                if (keep != null && keep.size() == 1 && v != null && v.getSdValueType() == SDValueType.TENSOR
                        && v.getTensorValue() == keep.get(0) && holders.getOrDefault(keep.get(0), 0) == 1) {
                    returnable.add(keep.get(0));
                }
            }
        }
        return out;
    }

    /**
     * Hands arrays that the last session call on this thread returned (gradients, say) back to its
     * pool, for a caller that has finished with them and keeps no reference. Arrays that call did
     * not return, or that share memory with anything else, are left alone.
     *
     * @return how many of them were taken back
     */
    public static int giveBack(Iterable<INDArray> arrays) {
        RecyclingSession s = LAST.get() == null ? null : LAST.get().get();
        if (s == null) {
            return 0;
        }
        int n = 0;
        for (INDArray a : arrays) {
            if (a != null && s.returnable.remove(a)) {
                s.pool.recycle(a);
                n++;
            }
        }
        return n;
    }

    /**
     * Forgets every array this session has handed out or pooled, for a {@link GraphPlan} that keeps
     * them: the session must never give them to anyone else.
     */
    void detachArrays() {
        pool = new ArrayPool(poison, REUSED_TOTAL);
        if (recycling) {
            setMmgr(pool);
        }
        returnable.clear();
        keeps.clear();
        holders.clear();
    }

    private void start(Set<String> requested) {
        started = true;
        pinned = new LinkedHashSet<>(requested);
        active = recycling;
        if (!active) {
            return;
        }
        for (String opName : subgraphOps) {
            SameDiffOp op = sameDiff.getOps().get(opName);
            DifferentialFunction f = op.getOp();
            if (f instanceof BaseCompatOp || f instanceof BaseTensorOp || f instanceof Invoke) {
                active = false;
                readsLeft.clear();
                return;
            }
            List<String> in = op.getInputsToOp();
            if (in != null) {
                for (String v : new LinkedHashSet<>(in)) {
                    readsLeft.merge(v, 1, Integer::sum);
                }
            }
        }
    }

    private void track(SameDiffOp op, ExecutionResult out, Set<INDArray> fresh) {
        List<String> outNames = op.getOutputsOfOp();
        List<String> inNames = op.getInputsToOp() == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(op.getInputsToOp()));
        if (outNames != null) {
            for (String name : outNames) {
                INDArray arr = tensor(out, name);
                List<INDArray> keep;
                if (arr != null && fresh.contains(arr)) {
                    keep = List.of(arr);
                } else {
                    Set<INDArray> shared = Collections.newSetFromMap(new IdentityHashMap<>());
                    for (String in : inNames) {
                        shared.addAll(keeps.getOrDefault(in, List.of()));
                    }
                    keep = new ArrayList<>(shared);
                }
                if (keeps.containsKey(name)) {
                    // written twice in one call: only loops do that, and start() excludes them
                    active = false;
                    return;
                }
                keeps.put(name, keep);
                for (INDArray a : keep) {
                    holders.merge(a, 1, Integer::sum);
                }
            }
        }
        for (String in : inNames) {
            Integer left = readsLeft.computeIfPresent(in, (k, n) -> n - 1);
            if (left != null && left <= 0) {
                readsLeft.remove(in);
                kill(in);
            }
        }
        if (outNames != null) {
            for (String name : outNames) {
                if (!readsLeft.containsKey(name)) {
                    kill(name);
                }
            }
        }
    }

    static INDArray tensor(ExecutionResult out, String name) {
        if (out.hasSingle()) {
            Optional<INDArray> o = out.getOutputs().get(name);
            return o == null ? null : o.orElse(null);
        }
        if (out.hasValues()) {
            SDValue v = out.getValueOutputs().get(name);
            return v != null && v.getSdValueType() == SDValueType.TENSOR ? v.getTensorValue() : null;
        }
        return null;
    }

    private void kill(String var) {
        if (pinned.contains(var)) {
            return;
        }
        List<INDArray> keep = keeps.remove(var);
        if (keep == null) {
            return;
        }
        for (INDArray a : keep) {
            Integer h = holders.merge(a, -1, Integer::sum);
            if (h != null && h <= 0) {
                holders.remove(a);
                pool.recycle(a);
            }
        }
    }
}
