package io.cobench.reports.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Holm's step-down correction for a family of tests: the i-th smallest of m p-values is
 * multiplied by (m - i + 1), and adjusted values are made monotone and capped at 1. It controls
 * the family-wise error rate like Bonferroni but rejects at least as often.
 */
public final class Holm {

    private Holm() {
    }

    /**
     * Adjusted p-values, in the input order. NaN entries (tests that could not be run) are not
     * members of the family: they stay NaN and do not count towards m.
     */
    public static double[] adjust(double[] p) {
        Integer[] order = new Integer[p.length];
        int m = 0;
        for (int i = 0; i < p.length; i++) {
            order[i] = i;
            if (!Double.isNaN(p[i])) {
                if (p[i] < 0 || p[i] > 1) {
                    throw new IllegalArgumentException("p-value out of [0,1]: " + p[i]);
                }
                m++;
            }
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> Double.isNaN(p[i]) ? 2.0 : p[i]));
        double[] adj = new double[p.length];
        Arrays.fill(adj, Double.NaN);
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1.0, (m - rank) * p[i]));
            adj[i] = running;
        }
        return adj;
    }
}
