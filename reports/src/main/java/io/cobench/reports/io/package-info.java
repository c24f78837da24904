/**
 * Strict readers for the per-sample files of a results store (CSV score tables, per-sample
 * metric files, PNG masks). Every defect is reported as a {@link io.cobench.cli.UserError} that
 * names the file, line and value, because a silently skipped row would change a metric.
 */
package io.cobench.reports.io;
