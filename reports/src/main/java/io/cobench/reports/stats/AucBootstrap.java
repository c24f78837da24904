package io.cobench.reports.stats;

import io.cobench.reports.io.LabelledScores;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Paired bootstrap of mean AUC over test images.
 *
 * <p>Every model was evaluated on the same test images. Each replicate draws n images with
 * replacement once and scores every model on that same draw, so differences between models are
 * paired by image. A model's value is the mean over its seeds of the mean AUC over the classes
 * defined in the draw (a class whose draw lacks positives or negatives is left out, as in the
 * point estimate).
 */
public final class AucBootstrap {
    private final int n;
    private final Map<String, List<SortedScores[]>> models = new LinkedHashMap<>();

    /** @param samples the number of test images every added run must have, in the same order */
    public AucBootstrap(int samples) {
        this.n = samples;
    }

    /** Adds one seed's predictions of a model; samples must be in the shared order. */
    public void add(String model, LabelledScores run) {
        if (run.ids().size() != n) {
            throw new IllegalArgumentException("run has " + run.ids().size() + " samples, expected " + n);
        }
        int c = run.classes().size();
        SortedScores[] perClass = new SortedScores[c];
        double[] s = new double[n];
        boolean[] y = new boolean[n];
        for (int k = 0; k < c; k++) {
            for (int i = 0; i < n; i++) {
                s[i] = run.scores()[i][k];
                y[i] = run.labels()[i][k];
            }
            perClass[k] = new SortedScores(s, y);
        }
        models.computeIfAbsent(model, m -> new ArrayList<>()).add(perClass);
    }

    /** Draws {@code replicates} resamples from a generator seeded with {@code seed}. */
    public BootstrapResult run(int replicates, long seed) {
        if (replicates < 1) {
            throw new IllegalArgumentException("replicates must be positive: " + replicates);
        }
        Map<String, Double> point = new LinkedHashMap<>();
        int[] ones = new int[n];
        Arrays.fill(ones, 1);
        models.forEach((m, runs) -> point.put(m, value(runs, ones)));
        Map<String, double[]> reps = new LinkedHashMap<>();
        models.keySet().forEach(m -> reps.put(m, new double[replicates]));
        RandomGenerator rng = new Well19937c(seed);
        int[] counts = new int[n];
        for (int b = 0; b < replicates; b++) {
            Arrays.fill(counts, 0);
            for (int i = 0; i < n; i++) {
                counts[rng.nextInt(n)]++;
            }
            for (Map.Entry<String, List<SortedScores[]>> e : models.entrySet()) {
                reps.get(e.getKey())[b] = value(e.getValue(), counts);
            }
        }
        return new BootstrapResult(point, reps);
    }

    private static double value(List<SortedScores[]> runs, int[] weights) {
        double sum = 0;
        for (SortedScores[] run : runs) {
            double classSum = 0;
            int defined = 0;
            for (SortedScores cls : run) {
                double a = cls.auc(weights);
                if (!Double.isNaN(a)) {
                    classSum += a;
                    defined++;
                }
            }
            if (defined == 0) {
                return Double.NaN;
            }
            sum += classSum / defined;
        }
        return sum / runs.size();
    }

    /** Point estimates and replicate values of every model. */
    public record BootstrapResult(Map<String, Double> point, Map<String, double[]> replicates) {

        /** Percentile interval [lo, hi] of a model's mean AUC at the given level (e.g. 0.95). */
        public double[] interval(String model, double level) {
            return percentiles(finite(replicates.get(model)), level);
        }

        /**
         * Difference a - b: point value, percentile interval and a two-sided p-value for "no
         * difference", (1 + the smaller count of replicate differences on either side of 0)
         * times 2 over (B + 1), capped at 1. The +1 keeps p above 0 with a finite B.
         */
        public Difference difference(String a, String b, double level) {
            double[] ra = replicates.get(a);
            double[] rb = replicates.get(b);
            double[] d = new double[ra.length];
            int k = 0;
            int atMost0 = 0;
            int atLeast0 = 0;
            for (int i = 0; i < ra.length; i++) {
                double v = ra[i] - rb[i];
                if (Double.isNaN(v)) {
                    continue;
                }
                d[k++] = v;
                atMost0 += v <= 0 ? 1 : 0;
                atLeast0 += v >= 0 ? 1 : 0;
            }
            d = Arrays.copyOf(d, k);
            double p = Math.min(1.0, 2.0 * (1 + Math.min(atMost0, atLeast0)) / (k + 1));
            double[] ci = percentiles(d, level);
            return new Difference(point.get(a) - point.get(b), ci[0], ci[1], p, k);
        }

        private static double[] finite(double[] v) {
            return Arrays.stream(v).filter(Double::isFinite).toArray();
        }

        private static double[] percentiles(double[] v, double level) {
            if (v.length == 0) {
                return new double[] {Double.NaN, Double.NaN};
            }
            Percentile pc = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
            pc.setData(v);
            double tail = (1 - level) / 2 * 100;
            return new double[] {pc.evaluate(tail), pc.evaluate(100 - tail)};
        }
    }

    /**
     * A paired bootstrap difference.
     *
     * @param point      difference of the point estimates
     * @param lo         lower end of the percentile interval
     * @param hi         upper end
     * @param p          two-sided bootstrap p-value
     * @param replicates replicates where both models had a value
     */
    public record Difference(double point, double lo, double hi, double p, int replicates) {
    }
}
