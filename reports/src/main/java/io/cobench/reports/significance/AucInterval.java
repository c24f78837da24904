package io.cobench.reports.significance;

/**
 * Mean AUC of one method in one column recomputed from its stored predictions, with a 95%
 * percentile bootstrap interval over test images.
 *
 * @param table  1 or 2
 * @param column column header
 * @param row    row label
 * @param seeds  seeds averaged
 * @param auc    point estimate (mean over seeds of mean AUC over defined classes)
 * @param lo     2.5th percentile
 * @param hi     97.5th percentile
 */
public record AucInterval(int table, String column, String row, int seeds, double auc, double lo, double hi) {
}
