package io.cobench.reports.stats;

/**
 * Outcome of a paired t-test.
 *
 * @param n               number of pairs (degrees of freedom n - 1)
 * @param meanA           mean of a
 * @param meanB           mean of b
 * @param meanDiff        mean of a - b
 * @param sdDiff          sample SD of a - b
 * @param t               t statistic, NaN when undefined
 * @param p               two-sided p-value, NaN when undefined
 * @param undefinedReason why t is undefined, or null
 */
public record TTestResult(int n, double meanA, double meanB, double meanDiff, double sdDiff, double t, double p,
                          String undefinedReason) {

    public int df() {
        return n - 1;
    }

    public boolean defined() {
        return undefinedReason == null;
    }
}
