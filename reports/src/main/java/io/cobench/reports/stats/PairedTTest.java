package io.cobench.reports.stats;

import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.inference.TTest;

/** Two-sided paired t-test of a against b (differences a - b). */
public final class PairedTTest {

    private PairedTTest() {
    }

    /**
     * Runs the test. With fewer than two pairs, or differences that are all equal, the statistic
     * has no value: t and p are NaN and {@link TTestResult#undefinedReason()} says why.
     */
    public static TTestResult test(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("unpaired samples: " + a.length + " vs " + b.length);
        }
        int n = a.length;
        double meanA = n == 0 ? Double.NaN : StatUtils.mean(a);
        double meanB = n == 0 ? Double.NaN : StatUtils.mean(b);
        if (n < 2) {
            return new TTestResult(n, meanA, meanB, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    "fewer than 2 pairs");
        }
        double meanDiff = StatUtils.meanDifference(a, b);
        double sdDiff = Math.sqrt(StatUtils.varianceDifference(a, b, meanDiff));
        if (sdDiff == 0.0) {
            return new TTestResult(n, meanA, meanB, meanDiff, 0.0, Double.NaN, Double.NaN,
                    "all differences are equal");
        }
        TTest t = new TTest();
        return new TTestResult(n, meanA, meanB, meanDiff, sdDiff, t.pairedT(a, b), t.pairedTTest(a, b), null);
    }
}
