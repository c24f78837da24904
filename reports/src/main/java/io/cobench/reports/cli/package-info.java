/**
 * The reports module's commands: {@code cobench report} and the {@code cobench score} family,
 * which recompute metrics straight from prediction files.
 */
package io.cobench.reports.cli;
