package io.cobench.reports.significance;

/**
 * One test of CoBooM against one baseline in one column. Means and differences are fractions
 * (not percent).
 *
 * @param table       1 or 2
 * @param column      column header, e.g. "NIH 1%"
 * @param baseline    the baseline's row label
 * @param test        which test (see {@link SignificanceAnalysis})
 * @param n           pairs (seeds or images) or bootstrap replicates
 * @param coboom      CoBooM's mean
 * @param other       the baseline's mean
 * @param diff        CoBooM minus baseline
 * @param t           t statistic, NaN for the bootstrap or when undefined
 * @param p           two-sided p-value, NaN when undefined
 * @param pHolm       Holm-adjusted p within its family, NaN when undefined
 * @param ciLo        lower end of the 95% bootstrap interval of diff, NaN for t-tests
 * @param ciHi        upper end
 * @param note        why p is undefined, or ""
 */
public record Comparison(int table, String column, String baseline, String test, int n, double coboom, double other,
                         double diff, double t, double p, double pHolm, double ciLo, double ciHi, String note) {

    Comparison withHolm(double adjusted) {
        return new Comparison(table, column, baseline, test, n, coboom, other, diff, t, p, adjusted, ciLo, ciHi, note);
    }
}
