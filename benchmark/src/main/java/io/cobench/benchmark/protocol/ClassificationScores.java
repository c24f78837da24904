package io.cobench.benchmark.protocol;

import io.cobench.benchmark.metrics.Metrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-class AUCs and their means. A class whose labels hold one value is undefined (null) and
 * left out of the means, as the CoBooM evaluation code does.
 *
 * @param mean over all classes (NIH: the 15 including No Finding, as the tables use)
 * @param meanWithoutNoFinding over the classes other than "No Finding" (NIH's 14 findings)
 */
public record ClassificationScores(Map<String, Double> perClass, Double mean, Double meanWithoutNoFinding) {
    public static final String NO_FINDING = "No Finding";

    public static ClassificationScores of(List<String> classes, float[][] probs, float[][] labels, Metrics m) {
        if (probs.length != labels.length) {
            throw new IllegalArgumentException(probs.length + " prediction rows but " + labels.length + " label rows");
        }
        Map<String, Double> per = new LinkedHashMap<>();
        List<Double> all = new java.util.ArrayList<>();
        List<Double> findings = new java.util.ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            float[] p = new float[probs.length];
            float[] y = new float[probs.length];
            for (int i = 0; i < probs.length; i++) {
                p[i] = probs[i][c];
                y[i] = labels[i][c];
            }
            double auc = m.auc(p, y);
            per.put(classes.get(c), Double.isNaN(auc) ? null : auc);
            if (!Double.isNaN(auc)) {
                all.add(auc);
                if (!classes.get(c).equals(NO_FINDING)) {
                    findings.add(auc);
                }
            }
        }
        return new ClassificationScores(per, mean(all), mean(findings));
    }

    /** The same summation as `cobench score auc` (DoubleStream.average), so both print the same digits. */
    private static Double mean(List<Double> v) {
        return v.isEmpty() ? null : v.stream().mapToDouble(Double::doubleValue).average().getAsDouble();
    }

    /**
     * The model-selection score: the mean AUC, or where no class has both labels in the selection
     * split (tiny subsets), minus the mean BCE, which ranks checks the same way every time.
     */
    public static double selectionScore(List<String> classes, float[][] probs, float[][] labels, Metrics m) {
        Double mean = of(classes, probs, labels, m).mean();
        if (mean != null) {
            return mean;
        }
        double bce = 0;
        int n = 0;
        for (int i = 0; i < probs.length; i++) {
            for (int c = 0; c < probs[i].length; c++) {
                double p = Math.min(1 - 1e-7, Math.max(1e-7, probs[i][c]));
                bce -= labels[i][c] > 0.5f ? Math.log(p) : Math.log(1 - p);
                n++;
            }
        }
        return -bce / Math.max(1, n);
    }
}
