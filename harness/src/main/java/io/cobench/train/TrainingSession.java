package io.cobench.train;

import io.cobench.spi.OptimizerConfig;
import io.cobench.graph.GraphContext;
import io.cobench.graph.ResNetConfig;
import io.cobench.spi.EmaSpec;
import io.cobench.spi.OptimizerGroup;
import io.cobench.spi.SslMethod;
import io.cobench.spi.StepState;
import io.cobench.spi.TrainGraph;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import io.cobench.engine.GraphPlans;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A method's graph with everything the harness keeps beside it (updaters, BN running
 * statistics, EMA pairs), advanced one step at a time. {@link Trainer} drives it; tests can
 * drive it directly and look at the graph between steps.
 */
public final class TrainingSession {

    /** One optimiser group, resolved to concrete variables. */
    private record Group(OptimizerGroup spec, OptimizerConfig cfg, List<String> vars, Map<String, Updater> updaters) {
    }

    /** One EMA pair: target variable follows online variable. */
    private record EmaPair(String target, String online, EmaSpec spec) {
    }

    /** What one step produced. */
    public record StepResult(long step, Map<String, Double> losses, Map<String, Double> metrics,
                             Map<String, Double> lr, double gradNorm) {
    }

    private final SslMethod method;
    private final TrainConfig train;
    private final SameDiff sd;
    private final GraphContext ctx;
    private final TrainGraph graph;
    private final List<Group> groups = new ArrayList<>();
    private final List<EmaPair> ema = new ArrayList<>();
    private final List<String> outputs = new ArrayList<>();
    private final List<String> placeholders = new ArrayList<>();
    private final long totalSteps;
    private final long stepsPerEpoch;
    private final long[] phaseNanos = new long[4];
    private GraphPlans plans;

    public TrainingSession(SslMethod method, ResNetConfig encoder, TrainConfig train, long stepsPerEpoch) {
        this.method = method;
        this.train = train;
        this.stepsPerEpoch = stepsPerEpoch;
        this.totalSteps = train.totalSteps(stepsPerEpoch);
        this.sd = SameDiff.create();
        this.ctx = GraphContext.create(sd, GraphContext.Mode.TRAIN, train.seed());
        method.checkBatchSize(train.batchSize());
        this.graph = method.build(ctx, encoder);
        resolveEma();
        // A target starts as a copy of its online network (BYOL, MoCo); only the EMA moves it afterwards.
        ema.forEach(p -> sd.getArrForVarName(p.target()).assign(sd.getArrForVarName(p.online())));
        resolveGroups();
        Set<String> out = new LinkedHashSet<>(graph.lossTerms().values());
        out.addAll(graph.metrics().values());
        out.addAll(graph.stepOutputs());
        for (GraphContext.BnLayer bn : ctx.bnLayers()) {
            out.add(bn.batchMean().name());
            out.add(bn.batchVar().name());
        }
        outputs.addAll(out);
        for (SDVariable v : sd.variables()) {
            if (v.isPlaceHolder()) {
                placeholders.add(v.name());
            }
        }
        Set<String> losses = new LinkedHashSet<>();
        for (Group g : groups) {
            losses.add(g.spec().lossVariable());
        }
        sd.setLossVariables(losses.toArray(String[]::new));
    }

    private void resolveEma() {
        for (EmaSpec spec : graph.ema()) {
            for (SDVariable v : sd.variables()) {
                String n = v.name();
                if (v.getVariableType() == VariableType.VARIABLE && n.startsWith(spec.targetPrefix())
                        && !ctx.nonTrainable().contains(n)) {
                    String online = spec.onlinePrefix() + n.substring(spec.targetPrefix().length());
                    if (!sd.hasVariable(online)) {
                        throw new IllegalStateException("EMA target " + n + " has no online variable " + online);
                    }
                    ema.add(new EmaPair(n, online, spec));
                }
            }
        }
    }

    private void resolveGroups() {
        Set<String> excluded = new HashSet<>(ctx.nonTrainable());
        ema.forEach(p -> excluded.add(p.target()));
        List<String> trainable = new ArrayList<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE && !excluded.contains(v.name())) {
                trainable.add(v.name());
            }
        }
        Set<String> claimed = new HashSet<>();
        List<OptimizerGroup> specs = graph.optimizers();
        List<List<String>> members = new ArrayList<>();
        for (OptimizerGroup g : specs) {
            List<String> vars = new ArrayList<>();
            if (!g.scopePrefix().isEmpty()) {
                for (String n : trainable) {
                    if (n.startsWith(g.scopePrefix())) {
                        vars.add(n);
                        claimed.add(n);
                    }
                }
            }
            members.add(vars);
        }
        for (int i = 0; i < specs.size(); i++) {
            if (specs.get(i).scopePrefix().isEmpty()) {
                for (String n : trainable) {
                    if (!claimed.contains(n)) {
                        members.get(i).add(n);
                    }
                }
            }
            if (members.get(i).isEmpty()) {
                throw new IllegalStateException("optimizer group '" + specs.get(i).name() + "' has no trainable variables");
            }
            OptimizerGroup spec = specs.get(i);
            OptimizerConfig cfg = spec.optimizer() != null ? spec.optimizer()
                    : spec.plain() ? train.optimizer().plainSgd() : train.optimizer();
            groups.add(new Group(specs.get(i), cfg, members.get(i), new LinkedHashMap<>()));
        }
    }

    public SameDiff sd() {
        return sd;
    }

    public GraphContext context() {
        return ctx;
    }

    public TrainGraph graph() {
        return graph;
    }

    public long totalSteps() {
        return totalSteps;
    }

    public long stepsPerEpoch() {
        return stepsPerEpoch;
    }

    /** Names of the variables the optimisers update. */
    public List<String> trainableVariables() {
        List<String> all = new ArrayList<>();
        groups.forEach(g -> all.addAll(g.vars()));
        return all;
    }

    /** The learning rate of group {@code g} at {@code step}. */
    double lr(Group g, long step) {
        OptimizerConfig c = g.cfg();
        double peak = c.peakLr(train.batchSize());
        long warmup = Math.round(c.warmupFraction() * totalSteps);
        return Schedules.warmupCosine(step, totalSteps, warmup, peak, peak * c.finalLrFraction());
    }

    /** Runs forward, backward and update for {@code step} on {@code batch} (placeholder arrays). */
    public StepResult step(long step, Map<String, INDArray> batch) {
        StepState state = new StepState(step, totalSteps, step / stepsPerEpoch,
                (totalSteps + stepsPerEpoch - 1) / stepsPerEpoch, train.seed(), sd);
        Map<String, INDArray> all = new LinkedHashMap<>(batch);
        all.putAll(method.extraInputs(state));
        // The pipeline may supply arrays this method does not use (a clean target, say).
        Map<String, INDArray> ph = new LinkedHashMap<>();
        for (String name : placeholders) {
            INDArray a = all.get(name);
            if (a == null) {
                throw new IllegalStateException("method " + method.name() + " needs input '" + name
                        + "' but the batch has only " + all.keySet());
            }
            ph.put(name, a);
        }
        Map<String, INDArray> outs = null;
        Map<String, Double> lrs = new LinkedHashMap<>();
        double gradNormAll = 0;
        Map<String, INDArray> grads = null;
        for (int gi = 0; gi < groups.size(); gi++) {
            Group g = groups.get(gi);
            if (gi == 0 || !g.spec().lossVariable().equals(groups.get(gi - 1).spec().lossVariable())) {
                // One pass serves this group and the ones right after it on the same loss.
                List<String> vars = new ArrayList<>();
                for (int j = gi; j < groups.size() && groups.get(j).spec().lossVariable().equals(g.spec().lossVariable()); j++) {
                    vars.addAll(groups.get(j).vars());
                }
                List<String> want = gi == 0 ? outputs : List.of(g.spec().lossVariable());
                long g0 = System.nanoTime();
                if (plans == null) {
                    plans = new GraphPlans(sd, method.name());
                }
                OutAndGrad og = plans.run(ph, want, vars);
                phaseNanos[0] += System.nanoTime() - g0;
                if (gi == 0) {
                    outs = og.getOutputs();
                    checkLosses(step, outs);
                }
                grads = og.getGradients();
            }
            long n0 = System.nanoTime();
            double sq = 0;
            for (String v : g.vars()) {
                INDArray gr = grads.get(v);
                if (gr == null) {
                    throw new IllegalStateException("no gradient for trainable variable " + v
                            + " (not connected to loss " + g.spec().lossVariable() + ")");
                }
                double s2 = FloatLoops.sumSquares(gr);
                if (!Double.isFinite(s2)) {
                    throw new NonFiniteException(step, "gradient of " + v, Math.sqrt(s2));
                }
                sq += s2;
            }
            double norm = Math.sqrt(sq);
            gradNormAll += sq;
            long u0 = System.nanoTime();
            phaseNanos[1] += u0 - n0;
            double scale = GradientClip.factor(norm, g.cfg().clipNorm());
            double lr = lr(g, step);
            lrs.put(g.spec().name(), lr);
            for (String v : g.vars()) {
                INDArray param = sd.getArrForVarName(v);
                INDArray gr = grads.get(v);
                if (scale != 1.0) {
                    FloatLoops.scale(gr, scale);
                }
                g.updaters().computeIfAbsent(v, k -> Updater.create(g.cfg(), param)).step(param, gr, lr, step);
            }
            // The updaters keep no reference to the gradients: their memory serves the next call.
            List<INDArray> used = new ArrayList<>();
            for (String v : g.vars()) {
                used.add(grads.get(v));
            }
            io.cobench.engine.RecyclingSession.giveBack(used);
            phaseNanos[2] += System.nanoTime() - u0;
        }
        long a0 = System.nanoTime();
        final Map<String, INDArray> result = outs;
        BatchNormUpdate.apply(sd, ctx.bnLayers(), result);
        updateEma(step);
        method.afterStep(state, result);
        Map<String, Double> losses = new LinkedHashMap<>();
        graph.lossTerms().forEach((k, v) -> losses.put(k, result.get(v).getDouble(0)));
        Map<String, Double> metrics = new LinkedHashMap<>();
        graph.metrics().forEach((k, v) -> metrics.put(k, result.get(v).getDouble(0)));
        phaseNanos[3] += System.nanoTime() - a0;
        return new StepResult(step, losses, metrics, lrs, Math.sqrt(gradNormAll));
    }

    /**
     * Seconds spent so far in each part of {@link #step}, for the step benchmark's profile: the graph
     * (forward and backward), the gradient norms, the optimiser updates, and the rest (batch-norm
     * statistics, target networks, the loss read-out).
     */
    public Map<String, Double> phaseSeconds() {
        Map<String, Double> m = new LinkedHashMap<>();
        String[] names = {"graph", "grad_norms", "update", "bn_ema_losses"};
        for (int i = 0; i < names.length; i++) {
            m.put(names[i], phaseNanos[i] / 1e9);
        }
        return m;
    }

    private void checkLosses(long step, Map<String, INDArray> outs) {
        for (var e : graph.lossTerms().entrySet()) {
            double v = outs.get(e.getValue()).getDouble(0);
            if (!Double.isFinite(v)) {
                throw new NonFiniteException(step, "loss term '" + e.getKey() + "'", v);
            }
        }
    }


    private void updateEma(long step) {
        for (EmaPair p : ema) {
            EmaSpec s = p.spec();
            double m = s.cosine() ? Schedules.emaMomentum(step, totalSteps, s.m0()) : s.m0();
            INDArray t = sd.getArrForVarName(p.target());
            FloatLoops.blend(t, m, sd.getArrForVarName(p.online()), 1 - m);
        }
    }

    /** Every VARIABLE of the graph, by name (live arrays). */
    public Map<String, INDArray> variables() {
        Map<String, INDArray> m = new LinkedHashMap<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                m.put(v.name(), sd.getArrForVarName(v.name()));
            }
        }
        return m;
    }

    /** Updater state keyed {@code group|variable|state}, created for variables not stepped yet so keys are stable. */
    public Map<String, INDArray> updaterState() {
        Map<String, INDArray> m = new LinkedHashMap<>();
        for (Group g : groups) {
            for (String v : g.vars()) {
                Updater u = g.updaters().computeIfAbsent(v, k -> Updater.create(g.cfg(), sd.getArrForVarName(v)));
                u.state().forEach((k, a) -> m.put(g.spec().name() + "|" + v + "|" + k, a));
            }
        }
        return m;
    }

    /** Restores a checkpoint's variables and updater state into this (freshly built) session. */
    public void restore(Checkpoints.Snapshot s) {
        Map<String, INDArray> vars = variables();
        for (var e : vars.entrySet()) {
            INDArray saved = s.variables().get(e.getKey());
            if (saved == null) {
                throw new io.cobench.cli.UserError("checkpoint of step " + s.step() + " lacks variable " + e.getKey()
                        + "; was it written by another method or config?");
            }
            e.getValue().assign(saved);
        }
        Map<String, INDArray> upd = updaterState();
        for (var e : upd.entrySet()) {
            INDArray saved = s.updaterState().get(e.getKey());
            if (saved == null) {
                throw new io.cobench.cli.UserError("checkpoint of step " + s.step() + " lacks updater state "
                        + e.getKey() + "; was it written with another optimiser?");
            }
            e.getValue().assign(saved);
        }
    }
}
