package io.cobench.reports.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Area under the ROC curve by the rank-sum (Mann-Whitney) formula.
 *
 * <p>Tied scores get the average of the ranks they span, which makes a tied positive/negative
 * pair count one half, exactly as the trapezoidal ROC area does. A class whose labels hold one
 * value only has no ROC curve: it is undefined (empty), never 0.5 or 0.
 */
public final class Auc {

    private Auc() {
    }

    /**
     * AUC of one binary problem.
     *
     * @param scores   one score per sample, higher means more likely positive; finite
     * @param positive the true label of each sample
     * @return the AUC, or empty when there are no positives or no negatives
     */
    public static OptionalDouble binary(double[] scores, boolean[] positive) {
        if (scores.length != positive.length) {
            throw new IllegalArgumentException("scores and labels differ in length: "
                    + scores.length + " vs " + positive.length);
        }
        int n = scores.length;
        long nPos = 0;
        for (boolean p : positive) {
            nPos += p ? 1 : 0;
        }
        long nNeg = n - nPos;
        if (nPos == 0 || nNeg == 0) {
            return OptionalDouble.empty();
        }
        int[] order = sortedOrder(scores);
        double rankSumPos = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            // Ranks are 1-based: positions i..j hold ranks i+1..j+1, whose mean is (i+j)/2 + 1.
            double rank = (i + j) / 2.0 + 1.0;
            for (int k = i; k <= j; k++) {
                if (positive[order[k]]) {
                    rankSumPos += rank;
                }
            }
            i = j + 1;
        }
        double u = rankSumPos - nPos * (nPos + 1) / 2.0;
        return OptionalDouble.of(u / ((double) nPos * nNeg));
    }

    /**
     * Per-class AUC of a multi-label problem.
     *
     * @param classes class names, one per column
     * @param scores  [sample][class] scores
     * @param labels  [sample][class] true labels
     */
    public static MultiLabelAuc multiLabel(List<String> classes, double[][] scores, boolean[][] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException("scores and labels differ in sample count: "
                    + scores.length + " vs " + labels.length);
        }
        int c = classes.size();
        int n = scores.length;
        List<Double> perClass = new ArrayList<>(c);
        double[] s = new double[n];
        boolean[] y = new boolean[n];
        for (int k = 0; k < c; k++) {
            for (int i = 0; i < n; i++) {
                if (scores[i].length != c || labels[i].length != c) {
                    throw new IllegalArgumentException("sample " + i + " does not have " + c + " classes");
                }
                s[i] = scores[i][k];
                y[i] = labels[i][k];
            }
            OptionalDouble auc = binary(s, y);
            perClass.add(auc.isPresent() ? auc.getAsDouble() : null);
        }
        return new MultiLabelAuc(classes, perClass);
    }

    /** Indices of {@code scores} in ascending score order; rejects NaN, which has no rank. */
    static int[] sortedOrder(double[] scores) {
        int n = scores.length;
        double[] copy = new double[n];
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is NaN");
            }
            copy[i] = scores[i];
        }
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> Double.compare(copy[a], copy[b]));
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = boxed[i];
        }
        return order;
    }
}
