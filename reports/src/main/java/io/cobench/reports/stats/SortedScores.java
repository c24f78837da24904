package io.cobench.reports.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * One class's scores sorted once, with tie groups marked, so that the AUC of any resampling of
 * the samples (given as a count per sample) costs one linear pass instead of a sort.
 */
final class SortedScores {
    private final int[] order;
    private final int[] groupEnd;
    private final boolean[] positiveInOrder;

    SortedScores(double[] scores, boolean[] positive) {
        int n = scores.length;
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is NaN");
            }
            boxed[i] = i;
        }
        Arrays.sort(boxed, Comparator.comparingDouble(i -> scores[i]));
        order = new int[n];
        positiveInOrder = new boolean[n];
        int[] ends = new int[n];
        int groups = 0;
        for (int i = 0; i < n; i++) {
            order[i] = boxed[i];
            positiveInOrder[i] = positive[order[i]];
            if (i > 0 && scores[order[i]] != scores[order[i - 1]]) {
                ends[groups++] = i;
            }
        }
        if (n > 0) {
            ends[groups++] = n;
        }
        groupEnd = Arrays.copyOf(ends, groups);
    }

    /**
     * AUC when sample i is present weights[i] times: every positive-negative pair of copies is
     * compared, a tie counting one half. NaN when the resample has no positive or no negative.
     */
    double auc(int[] weights) {
        double negBelow = 0;
        double wins = 0;
        double pos = 0;
        int start = 0;
        for (int end : groupEnd) {
            double pw = 0;
            double nw = 0;
            for (int k = start; k < end; k++) {
                int w = weights[order[k]];
                if (positiveInOrder[k]) {
                    pw += w;
                } else {
                    nw += w;
                }
            }
            wins += pw * (negBelow + 0.5 * nw);
            negBelow += nw;
            pos += pw;
            start = end;
        }
        if (pos == 0 || negBelow == 0) {
            return Double.NaN;
        }
        return wins / (pos * negBelow);
    }
}
