package io.cobench.benchmark.protocol;

import io.cobench.benchmark.grid.TrainSpec;
import io.cobench.benchmark.metrics.Metrics;
import io.cobench.benchmark.model.BatchOrder;
import io.cobench.train.NamedOptimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The linear probe on features extracted once from a frozen encoder: one linear layer with
 * sigmoid outputs, mean BCE over all outputs, AdamW. Plain ND4J, no graph: the gradient of the
 * mean BCE with respect to the logits is {@code (sigmoid(z) - y) / (B * C)}.
 */
public final class LinearProbe {
    private LinearProbe() {
    }

    /** A trained linear layer: {@code logits = x w + b}, w [features, classes], b [1, classes]. */
    public record Head(INDArray w, INDArray b) {
        public INDArray probabilities(INDArray x) {
            return Transforms.sigmoid(x.mmul(w).addiRowVector(b), false);
        }
    }

    public record Result(Head head, TrainingLog log) {
    }

    /**
     * Trains the head on {@code x}/{@code y}, checking the selection split {@code selX}/{@code selY}
     * as {@code spec} schedules and keeping the best check's weights.
     */
    public static Result train(INDArray x, float[][] y, INDArray selX, float[][] selY, List<String> classes,
                               TrainSpec spec, long seed, Metrics metrics) {
        int n = (int) x.size(0);
        int d = (int) x.size(1);
        int c = classes.size();
        INDArray labels = Nd4j.createFromArray(y).castTo(DataType.FLOAT);
        // PyTorch's Linear initialisation, from a Java generator: a re-seeded ND4J generator does not
        // repeat its draws in M2.1.
        SplittableRandom rng = new SplittableRandom(seed);
        double bound = 1.0 / Math.sqrt(d);
        INDArray w = uniform(rng, bound, d, c);
        INDArray b = uniform(rng, bound, 1, c);
        Map<String, INDArray> params = Map.of("w", w, "b", b);
        NamedOptimizer opt = new NamedOptimizer(spec.optimizer());
        BatchOrder order = new BatchOrder(n, spec.batchSize(), seed);
        int total = spec.steps(n);
        List<Double> losses = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        Head best = null;
        int bestCheck = -1;
        int bestStep = -1;
        for (int step = 0; step < total; step++) {
            int[] rows = order.rows(step);
            INDArray xb = Nd4j.pullRows(x, 1, rows);
            INDArray yb = Nd4j.pullRows(labels, 1, rows);
            INDArray p = Transforms.sigmoid(xb.mmul(w).addiRowVector(b), true);
            losses.add(bce(p, yb));
            INDArray g = p.sub(yb).divi((double) rows.length * c);
            Map<String, INDArray> grads = new java.util.HashMap<>();
            grads.put("w", xb.transpose().mmul(g));
            grads.put("b", g.sum(true, 0));
            // The official notebook clips the head's gradient too (clip_grad_norm_, max_norm 1.0).
            opt.step(params, grads, spec.lrAt(step, total), step);
            if (spec.evaluateAfter(step, total)) {
                Head now = new Head(w.dup(), b.dup());
                float[][] sp = now.probabilities(selX).toFloatMatrix();
                double score = ClassificationScores.selectionScore(classes, sp, selY, metrics);
                scores.add(score);
                if (best == null || score > scores.get(bestCheck)) {
                    best = now;
                    bestCheck = scores.size() - 1;
                    bestStep = step;
                }
            }
        }
        return new Result(best, TrainingLog.of(total, order.batchSize(), losses, scores, bestCheck, bestStep));
    }

    private static INDArray uniform(SplittableRandom rng, double bound, int rows, int cols) {
        float[] v = new float[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((2 * rng.nextDouble() - 1) * bound);
        }
        return Nd4j.create(v, new long[] {rows, cols}, 'c');
    }

    /** Mean binary cross-entropy of probabilities {@code p} against {@code y}. */
    static double bce(INDArray p, INDArray y) {
        INDArray pc = Transforms.max(Transforms.min(p, 1 - 1e-7, true), 1e-7, false);
        INDArray l = y.mul(Transforms.log(pc, true)).addi(y.rsub(1).muli(Transforms.log(pc.rsub(1), false)));
        return -l.meanNumber().doubleValue();
    }
}
