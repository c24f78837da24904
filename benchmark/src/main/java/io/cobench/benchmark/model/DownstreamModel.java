package io.cobench.benchmark.model;

import io.cobench.benchmark.data.Split;
import io.cobench.benchmark.grid.TrainSpec;
import io.cobench.graph.GraphContext;
import io.cobench.train.BatchNormUpdate;
import io.cobench.train.NamedOptimizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A downstream network as a training graph plus an evaluation graph (eval-mode BN) with the same
 * variable names. Both graphs, and the gradient graph SameDiff derives on the first step, are
 * built once and reused: {@link #reset} puts fresh weights in for the next cell.
 */
public final class DownstreamModel {
    private final NetRecipe recipe;
    private final boolean frozenEncoder;
    private final NetGraph train;
    private final NetGraph eval;
    private final List<String> trainable;
    private final List<GraphContext.BnLayer> bn;
    private final List<String> stepOutputs;
    private boolean evalCurrent;

    /**
     * @param frozenEncoder the encoder is built in eval mode and receives no updates (the linear
     *                      protocol of the segmentation task)
     */
    public DownstreamModel(NetRecipe recipe, boolean frozenEncoder) {
        this.recipe = recipe;
        this.frozenEncoder = frozenEncoder;
        GraphContext.Mode encMode = frozenEncoder ? GraphContext.Mode.EVAL : GraphContext.Mode.TRAIN;
        this.train = recipe.build(encMode, GraphContext.Mode.TRAIN, 0);
        this.eval = recipe.build(GraphContext.Mode.EVAL, GraphContext.Mode.EVAL, 0);
        List<String> names = new ArrayList<>();
        for (SDVariable v : train.sd().variables()) {
            if (v.getVariableType() == VariableType.VARIABLE && !train.ctx().nonTrainable().contains(v.name())
                    && !(frozenEncoder && v.name().startsWith(EncoderWeights.SCOPE + "/"))) {
                names.add(v.name());
            }
        }
        this.trainable = List.copyOf(names);
        this.bn = train.ctx().bnLayers();
        List<String> outs = new ArrayList<>();
        outs.add(train.loss());
        for (GraphContext.BnLayer l : bn) {
            outs.add(l.batchMean().name());
            outs.add(l.batchVar().name());
        }
        this.stepOutputs = List.copyOf(outs);
    }

    public NetGraph evalGraph() {
        return eval;
    }

    /**
     * Fresh weights for a new cell: everything as a new build with {@code seed} would initialise
     * it, then the encoder replaced by {@code weights}.
     */
    public void reset(EncoderWeights weights, long seed) {
        NetGraph fresh = recipe.build(GraphContext.Mode.EVAL, GraphContext.Mode.EVAL, seed);
        copyVariables(fresh.sd(), train.sd());
        weights.copyInto(train.sd());
        evalCurrent = false;
    }

    /** What {@link #fit} did. */
    public record FitResult(int steps, int batchSize, List<Double> losses, List<Double> scores, int bestCheck,
                            int bestStep) {
    }

    /**
     * Trains on {@code data} with the harness's AdamW and clipping as {@code spec} says (flipping training images as
     * {@code spec.hflip()} asks), calling {@code selector} (higher is
     * better, on the evaluation graph) at each validation check; the evaluation graph ends up
     * holding the weights of the best check.
     */
    public FitResult fit(Split data, TrainSpec spec, long seed, DoubleSupplier selector) {
        BatchOrder order = new BatchOrder(data.size(), spec.batchSize(), seed);
        int total = spec.steps(data.size());
        NamedOptimizer opt = new NamedOptimizer(spec.optimizer());
        List<Double> losses = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        Map<String, INDArray> best = null;
        int bestCheck = -1;
        int bestStep = -1;
        Map<String, INDArray> params = new LinkedHashMap<>();
        for (String n : trainable) {
            params.put(n, train.sd().getArrForVarName(n));
        }
        io.cobench.engine.GraphPlans plans = new io.cobench.engine.GraphPlans(train.sd(), "downstream training");
        io.cobench.train.GcPolicy gc = new io.cobench.train.GcPolicy(4);
        for (int step = 0; step < total; step++) {
            int[] rows = order.rows(step);
            INDArray images = data.images(rows);
            INDArray targets = recipe.targets(data, rows);
            if (spec.hflip() > 0) {
                boolean[] which = Flips.draw(rows.length, spec.hflip(), seed, step);
                images = Flips.horizontal(images, which);
                // A segmentation mask must follow its image; class labels do not change.
                if (targets.rank() == 4) {
                    targets = Flips.horizontal(targets, which);
                }
            }
            Map<String, INDArray> ph = new HashMap<>();
            ph.put(train.input(), images);
            ph.put(train.target(), targets);
            OutAndGrad og = plans.run(ph, stepOutputs, trainable);
            opt.step(params, new HashMap<>(og.getGradients()), spec.lrAt(step, total), step);
            BatchNormUpdate.apply(train.sd(), bn, og.getOutputs());
            losses.add(og.getOutputs().get(train.loss()).getDouble(0));
            evalCurrent = false;
            gc.afterStep(step);
            if (spec.evaluateAfter(step, total)) {
                syncEval();
                double score = selector.getAsDouble();
                scores.add(score);
                if (best == null || score > scores.get(bestCheck)) {
                    best = snapshot(eval.sd());
                    bestCheck = scores.size() - 1;
                    bestStep = step;
                }
            }
        }
        if (best != null) {
            restore(eval.sd(), best);
        }
        return new FitResult(total, order.batchSize(), losses, scores, bestCheck, bestStep);
    }

    /** Sigmoid outputs of the evaluation graph for all rows of {@code split}, in batches. */
    public INDArray predict(Split split, int batch) {
        syncIfStale();
        List<INDArray> parts = new ArrayList<>();
        for (int from = 0; from < split.size(); from += batch) {
            int[] rows = Split.range(from, Math.min(split.size(), from + batch));
            INDArray out = eval.sd().output(Map.of(eval.input(), split.images(rows)), eval.prob()).get(eval.prob());
            parts.add(out.dup());
        }
        return parts.size() == 1 ? parts.get(0) : Nd4j.concat(0, parts.toArray(new INDArray[0]));
    }

    /** Copies the current training weights into the evaluation graph, unless a fit left its best there. */
    private void syncIfStale() {
        if (!evalCurrent) {
            syncEval();
        }
    }

    private void syncEval() {
        copyVariables(train.sd(), eval.sd());
        evalCurrent = true;
    }

    static void copyVariables(SameDiff from, SameDiff to) {
        for (SDVariable v : to.variables()) {
            if (v.getVariableType() != VariableType.VARIABLE) {
                continue;
            }
            INDArray src = from.getArrForVarName(v.name());
            if (src == null) {
                throw new IllegalStateException("variable '" + v.name() + "' missing in the source graph");
            }
            v.getArr().assign(src);
        }
    }

    private static Map<String, INDArray> snapshot(SameDiff sd) {
        Map<String, INDArray> m = new HashMap<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                m.put(v.name(), v.getArr().dup());
            }
        }
        return m;
    }

    private static void restore(SameDiff sd, Map<String, INDArray> m) {
        m.forEach((n, a) -> sd.getArrForVarName(n).assign(a));
    }
}
