package io.cobench.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.config.ExecutionResult;
import org.nd4j.autodiff.samediff.config.SDValue;
import org.nd4j.autodiff.samediff.config.SDValueType;
import org.nd4j.autodiff.samediff.internal.AbstractSession.VarId;
import org.nd4j.autodiff.samediff.internal.FrameIter;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;

/**
 * One training graph call ({@code calculateGradientsAndOutputs}) recorded once and replayed: the
 * ops in the order the session ran them, each with its context, its arguments and the very arrays it
 * read and wrote. A replay runs the ops alone, without the session's per-op bookkeeping (dependency
 * tracking, output allocation, array release), and allocates nothing, so the step leaves no garbage
 * for System.gc() to collect. That bookkeeping cost more than the ops themselves on the small CPU
 * networks (docs/performance-notes.md).
 *
 * <p>Correctness rests on three checks. At recording, every array an op reads must come from an
 * earlier op of the call, a placeholder (the plan owns copies and refills them), or a variable or
 * constant of the graph; anything else (a cast the session made, say) makes the graph unplannable.
 * At each replay the placeholders must have the recorded shapes and types and every variable must
 * still be the recorded array (updaters change them in place), or the caller records anew. And an op
 * whose result is not the array it was given (an op computed in Java) has its result copied there.
 * The recycling session's order of array reuse was valid for this op order, so it stays valid when
 * the same order is replayed.
 */
public final class GraphPlan {
    static final ThreadLocal<Recorder> RECORDER = new ThreadLocal<>();
    private static final ThreadOverride<Boolean> OVERRIDE = new ThreadOverride<>();
    private static final java.util.concurrent.atomic.AtomicLong REPLAYS = new java.util.concurrent.atomic.AtomicLong();
    /** Marks a variable or constant of the gradient function rather than of the graph. */
    private static final String GRAD_PREFIX = "grad:";
    /** Whether replays skip copies and zero additions ({@link #elide}); -Dcobench.plan.elide=false keeps them. */
    private static final boolean ELIDE = !"false".equals(System.getProperty("cobench.plan.elide", "true"));

    private final SameDiff sd;
    private final List<Step> steps;
    private final Map<String, INDArray> placeholders;
    private final Map<String, INDArray> variables;
    private final OutAndGrad result;
    private final int recorded;

    private GraphPlan(SameDiff sd, List<Step> steps, int recorded, Map<String, INDArray> placeholders,
                      Map<String, INDArray> variables, OutAndGrad result) {
        this.sd = sd;
        this.steps = steps;
        this.recorded = recorded;
        this.placeholders = placeholders;
        this.variables = variables;
        this.result = result;
    }

    /** One op as recorded. */
    private record Step(RecyclingSession session, DifferentialFunction op, OpContext oc, FrameIter frame,
                        Set<VarId> opInputs, Set<VarId> allIterInputs, Set<String> constAndPh,
                        Map<String, SDValue> other, INDArray[] in, INDArray[] out, long[] iArgs, double[] tArgs,
                        DataType[] dArgs, boolean[] bArgs) {
        Step withOutputs(INDArray[] outputs) {
            return new Step(session, op, oc, frame, opInputs, allIterInputs, constAndPh, other, in, outputs, iArgs,
                    tArgs, dArgs, bArgs);
        }

        Step withInputs(INDArray[] inputs) {
            return new Step(session, op, oc, frame, opInputs, allIterInputs, constAndPh, other, inputs, out, iArgs,
                    tArgs, dArgs, bArgs);
        }
    }

    /**
     * Runs {@code calculateGradientsAndOutputs} once, recording it. Returns the call's result and, if
     * the graph can be replayed, the plan (else a null plan and the reason).
     */
    public static Recorded record(SameDiff sd, Map<String, INDArray> placeholders, List<String> outputs,
                                  List<String> gradientsOf) {
        Map<String, INDArray> own = new LinkedHashMap<>();
        placeholders.forEach((k, v) -> own.put(k, v.dup()));
        Recorder rec = new Recorder();
        RECORDER.set(rec);
        OutAndGrad og;
        try {
            og = sd.calculateGradientsAndOutputs(own, outputs, gradientsOf);
        } finally {
            RECORDER.remove();
        }
        String why = rec.problem;
        Map<String, INDArray> vars = new LinkedHashMap<>();
        if (why == null) {
            why = checkInputs(sd, rec, own, vars);
        }
        if (why == null) {
            why = checkResult(rec, og);
        }
        if (why != null) {
            return new Recorded(og, null, why);
        }
        Set<RecyclingSession> sessions = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Step s : rec.steps) {
            sessions.add(s.session());
        }
        sessions.forEach(RecyclingSession::detachArrays);
        List<INDArray> external = new ArrayList<>(own.values());
        external.addAll(vars.values());
        List<Step> replayed = ELIDE ? elide(rec.steps, og, external) : rec.steps;
        return new Recorded(og, new GraphPlan(sd, List.copyOf(replayed), rec.steps.size(), own, vars, og), null);
    }

    /** A recording's result, and the plan if the graph can be replayed. */
    public record Recorded(OutAndGrad result, GraphPlan plan, String whyNot) {
    }

    /**
     * Replays the call with new placeholder values; returns the same result object as the recording,
     * its arrays refilled, or null if the inputs or variables no longer match (record anew).
     */
    public OutAndGrad replay(Map<String, INDArray> values) {
        if (!values.keySet().equals(placeholders.keySet())) {
            return null;
        }
        for (var e : placeholders.entrySet()) {
            INDArray v = values.get(e.getKey());
            if (v.dataType() != e.getValue().dataType() || !java.util.Arrays.equals(v.shape(), e.getValue().shape())) {
                return null;
            }
        }
        SameDiff grad = sd.getFunction("grad");
        for (var e : variables.entrySet()) {
            String k = e.getKey();
            INDArray now = k.startsWith(GRAD_PREFIX) ? (grad == null ? null : grad.getArrForVarName(k.substring(GRAD_PREFIX.length())))
                    : sd.getArrForVarName(k);
            if (now != e.getValue()) {
                return null;
            }
        }
        placeholders.forEach((k, own) -> own.assign(values.get(k)));
        for (Step s : steps) {
            OpContext oc = s.oc();
            oc.setInputArrays(s.in());
            oc.setOutputArrays(s.out());
            if (s.iArgs().length > 0) {
                oc.setIArguments(s.iArgs());
            }
            if (s.tArgs().length > 0) {
                oc.setTArguments(s.tArgs());
            }
            if (s.dArgs().length > 0) {
                oc.setDArguments(s.dArgs());
            }
            if (s.bArgs().length > 0) {
                oc.setBArguments(s.bArgs());
            }
            ExecutionResult r = s.session().doExec(s.op(), oc, s.frame(), s.opInputs(), s.allIterInputs(),
                    s.constAndPh(), s.other());
            for (int i = 0; i < s.out().length; i++) {
                INDArray got = r.resultOrValueAt(i, false);
                if (got != s.out()[i]) {
                    s.out()[i].assign(got);
                }
            }
            s.op().clearArrays();
            oc.purge();
        }
        OpThreads.reset();
        REPLAYS.incrementAndGet();
        return result;
    }

    /** The ops the recording ran. */
    public int recordedOps() {
        return recorded;
    }

    /** The ops a replay runs (fewer than recorded where {@link #elide} skipped some). */
    public int replayedOps() {
        return steps.size();
    }

    /** The names of the ops a replay runs, in order (for tests and messages). */
    List<String> replayedOpNames() {
        return steps.stream().map(st -> st.op().opName()).toList();
    }

    /** Whether training sessions created now use plans: -Dcobench.plan=false turns them off. */
    public static boolean enabled() {
        Boolean o = OVERRIDE.get();
        return o != null ? o : !"false".equals(System.getProperty("cobench.plan", "true"));
    }

    /** Runs {@code body} with plans on or off for the sessions it creates on this thread (tests, ablations). */
    public static <T> T with(boolean on, java.util.function.Supplier<T> body) {
        return OVERRIDE.with(on, body);
    }

    /** Replays by all plans of this process so far. */
    public static long replaysTotal() {
        return REPLAYS.get();
    }

    private static String checkInputs(SameDiff sd, Recorder rec, Map<String, INDArray> own, Map<String, INDArray> vars) {
        Set<INDArray> produced = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<INDArray> external = Collections.newSetFromMap(new IdentityHashMap<>());
        own.values().forEach(external::add);
        // The gradient function is a SameDiff of its own, with constants of its own.
        Map<INDArray, String> varArrays = new IdentityHashMap<>();
        List<SameDiff> graphs = new ArrayList<>(List.of(sd));
        SameDiff grad = sd.getFunction("grad");
        if (grad != null) {
            graphs.add(grad);
        }
        for (SameDiff g : graphs) {
            for (SDVariable v : g.variables()) {
                if (v.getVariableType() == VariableType.VARIABLE || v.getVariableType() == VariableType.CONSTANT) {
                    INDArray a = g.getArrForVarName(v.name());
                    if (a != null) {
                        varArrays.putIfAbsent(a, (g == sd ? "" : GRAD_PREFIX) + v.name());
                    }
                }
            }
        }
        for (Step s : rec.steps) {
            for (INDArray a : s.in()) {
                if (a == null) {
                    return "op " + s.op().getOwnName() + " has a null input";
                }
                if (produced.contains(a) || external.contains(a)) {
                    continue;
                }
                String name = varArrays.get(a);
                if (name == null) {
                    return "op " + s.op().getOwnName() + " (" + s.op().opName()
                            + ") reads an array that is no op output, placeholder or variable";
                }
                vars.put(name, a);
            }
            Collections.addAll(produced, s.out());
        }
        return null;
    }

    /**
     * The recorded steps without those whose work is a copy or a zero: a stop-gradient's copy of its
     * input, the zero fill of a stopped branch's gradient, and the addition of that zero to the
     * other branch's gradient. Trainable batch norm has all three in every layer (its statistics
     * come from a gradient-stopped copy of the activation, {@code Layers}), about 60 ops per
     * ResNet-18 step, each a full pass over an activation or, on the small networks, 20-30 us of
     * call overhead. A consumer of a skipped op's output reads the array that held the same values
     * instead, which is valid only while nothing overwrites that array, so every rule checks that.
     */
    static List<Step> elide(List<Step> recorded, OutAndGrad og, java.util.Collection<INDArray> external) {
        List<Step> steps = new ArrayList<>(recorded);
        Set<INDArray> keep = Collections.newSetFromMap(new IdentityHashMap<>());
        keep.addAll(og.getOutputs().values());
        keep.addAll(og.getGradients().values());
        keep.addAll(external);
        // every distinct array of the plan, to find those that share memory with another (views)
        Set<INDArray> all = Collections.newSetFromMap(new IdentityHashMap<>());
        all.addAll(keep);
        for (Step s : steps) {
            Collections.addAll(all, s.in());
            Collections.addAll(all, s.out());
        }
        // arrays that hold the zeros a zero fill wrote and nothing has overwritten since
        Set<INDArray> zeros = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            String name = s.op().opName();
            INDArray source = null;
            if (s.out().length == 1 && s.in().length == 1 && ("stop_gradient".equals(name) || "identity".equals(name))) {
                source = s.in()[0];
            } else if (s.out().length == 1 && s.in().length == 2 && "add".equals(name)) {
                source = zeros.contains(s.in()[0]) ? s.in()[1] : zeros.contains(s.in()[1]) ? s.in()[0] : null;
            }
            INDArray out = s.out().length == 1 ? s.out()[0] : null;
            if (source != null && !keep.contains(out) && source != out && sameLayout(source, out)
                    && !shared(source, all) && !shared(out, all) && alias(steps, i, out, source)) {
                steps.set(i, null);
                zeros.remove(out);
                continue;
            }
            for (INDArray o : s.out()) {
                zeros.remove(o);
            }
            if (out != null && ("zeroslike".equals(name) || "zeros_like".equals(name)) && !shared(out, all)) {
                zeros.add(out);
            }
        }
        removeDead(steps, keep);
        steps.removeIf(java.util.Objects::isNull);
        return steps;
    }

    /**
     * Drops the steps whose outputs no later step reads before they are overwritten (a zero fill
     * whose addition was skipped, say), unless an output is a result, a variable or placeholder, or
     * one of the step's own inputs (an op that works in place).
     */
    private static void removeDead(List<Step> steps, Set<INDArray> keep) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int j = steps.size() - 1; j >= 0; j--) {
                Step s = steps.get(j);
                if (s == null) {
                    continue;
                }
                boolean live = false;
                for (INDArray o : s.out()) {
                    live |= keep.contains(o) || contains(s.in(), o) || readLater(steps, j, o);
                }
                if (!live) {
                    steps.set(j, null);
                    changed = true;
                }
            }
        }
    }

    /** Whether a step after {@code j} reads {@code a} before any step overwrites it. */
    private static boolean readLater(List<Step> steps, int j, INDArray a) {
        for (int k = j + 1; k < steps.size(); k++) {
            Step t = steps.get(k);
            if (t == null) {
                continue;
            }
            if (contains(t.in(), a)) {
                return true;
            }
            if (contains(t.out(), a)) {
                return false;
            }
        }
        return false;
    }

    /**
     * Makes the steps after {@code at} that read {@code out} read {@code source}, up to the step that
     * next writes {@code out}; false, changing nothing, if {@code source} is written in that span.
     */
    private static boolean alias(List<Step> steps, int at, INDArray out, INDArray source) {
        int end = steps.size();
        for (int j = at + 1; j < steps.size(); j++) {
            Step t = steps.get(j);
            if (t != null && contains(t.out(), out)) {
                end = j;
                break;
            }
        }
        // the span's last step reads before it writes, so its own write of source is harmless only
        // when it is the step that ends the span by writing out
        for (int j = at + 1; j < Math.min(end + 1, steps.size()); j++) {
            Step t = steps.get(j);
            if (t != null && contains(t.out(), source) && (j < end || contains(t.in(), out))) {
                return false;
            }
            if (t != null && contains(t.in(), out) && readsSessionState(t)) {
                return false;
            }
        }
        for (int j = at + 1; j < Math.min(end + 1, steps.size()); j++) {
            Step t = steps.get(j);
            if (t != null && contains(t.in(), out)) {
                INDArray[] in = t.in().clone();
                for (int k = 0; k < in.length; k++) {
                    if (in[k] == out) {
                        in[k] = source;
                    }
                }
                steps.set(j, t.withInputs(in));
            }
        }
        return true;
    }

    /**
     * Whether another array of the plan shares memory with {@code a} (a view of it, or it of
     * another). The rules above follow arrays by identity, which says nothing about a write
     * through a view, so they leave such arrays alone.
     */
    private static boolean shared(INDArray a, Set<INDArray> all) {
        long start = a.data().address();
        long end = start + a.data().length() * a.data().getElementSize();
        for (INDArray b : all) {
            if (b == a) {
                continue;
            }
            long bs = b.data().address();
            long be = bs + b.data().length() * b.data().getElementSize();
            if (bs < end && start < be) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the session computes this op from its own record of the op's inputs rather than from
     * the context's arrays: an identity or a control-flow op passes on the array the session holds
     * for its input variable, so giving it another input array changes nothing (found when a
     * skipped addition fed an identity in CoBooM's graph).
     */
    private static boolean readsSessionState(Step t) {
        String pkg = t.op().getClass().getPackageName();
        return pkg.startsWith("org.nd4j.linalg.api.ops.impl.controlflow")
                || pkg.startsWith("org.nd4j.linalg.api.ops.impl.shape.tensorops")
                || java.util.Set.of("identity", "identity_n").contains(t.op().opName());
    }

    private static boolean contains(INDArray[] arrays, INDArray a) {
        for (INDArray x : arrays) {
            if (x == a) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameLayout(INDArray a, INDArray b) {
        return a.dataType() == b.dataType() && a.ordering() == b.ordering()
                && java.util.Arrays.equals(a.shape(), b.shape()) && java.util.Arrays.equals(a.stride(), b.stride());
    }

    private static String checkResult(Recorder rec, OutAndGrad og) {
        Set<INDArray> produced = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Step s : rec.steps) {
            Collections.addAll(produced, s.out());
        }
        for (var e : og.getOutputs().entrySet()) {
            if (!produced.contains(e.getValue())) {
                return "output " + e.getKey() + " is no op's output array";
            }
        }
        for (var e : og.getGradients().entrySet()) {
            if (!produced.contains(e.getValue())) {
                return "gradient of " + e.getKey() + " is no op's output array";
            }
        }
        return null;
    }

    /** Collects the ops of one call as the session runs them (RecyclingSession calls it). */
    static final class Recorder {
        private final List<Step> steps = new ArrayList<>();
        /** The op between doExec and its result: a step whose outputs are not known yet. */
        private Step pending;
        private String problem;

        void before(RecyclingSession session, DifferentialFunction op, OpContext oc, FrameIter frame,
                    Set<VarId> opInputs, Set<VarId> allIterInputs, Set<String> constAndPh, Map<String, SDValue> other) {
            if (problem != null) {
                return;
            }
            if (oc == null) {
                problem = "op " + op.getOwnName() + " (" + op.opName() + ") runs without an op context";
                return;
            }
            if (pending != null) {
                problem = "op " + pending.op().getOwnName() + " gave no result";
                return;
            }
            pending = new Step(session, op, oc, frame, opInputs, allIterInputs, constAndPh, other,
                    oc.getInputArrays().toArray(new INDArray[0]), null,
                    oc.getIArguments().stream().mapToLong(Long::longValue).toArray(),
                    oc.getTArguments().stream().mapToDouble(Double::doubleValue).toArray(),
                    oc.getDArguments().toArray(new DataType[0]), booleans(oc.getBArguments()));
        }

        void result(SameDiffOp op, ExecutionResult r) {
            if (problem != null) {
                return;
            }
            if (pending == null || pending.op() != op.getOp()) {
                problem = "op " + op.getName() + " (" + op.getOp().opName() + ") ran outside doExec";
                return;
            }
            // By position: the result may key an output by the name it had before a rename.
            int n = op.getOutputsOfOp() == null ? 0 : op.getOutputsOfOp().size();
            if (r.numResults() != n) {
                problem = "op " + op.getName() + " gave " + r.numResults() + " results for " + n + " outputs";
                return;
            }
            INDArray[] out = new INDArray[n];
            for (int i = 0; i < n; i++) {
                INDArray a = r.valueExistsAtIndex(i) ? r.resultOrValueAt(i, false) : null;
                if (a == null) {
                    problem = "output " + i + " of op " + op.getName() + " is not an array";
                    return;
                }
                out[i] = a;
            }
            steps.add(pending.withOutputs(out));
            pending = null;
        }

        private static boolean[] booleans(List<Boolean> l) {
            boolean[] b = new boolean[l.size()];
            for (int i = 0; i < b.length; i++) {
                b[i] = l.get(i);
            }
            return b;
        }
    }
}
