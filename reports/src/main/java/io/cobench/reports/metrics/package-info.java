/**
 * The metric definitions shared by the benchmark (which writes metrics.json) and the reports
 * (which recompute from stored predictions), so both always agree on AUC and Dice.
 */
package io.cobench.reports.metrics;
