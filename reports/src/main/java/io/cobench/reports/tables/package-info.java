/**
 * Tables 1 and 2 of the paper built from a results store with Tablesaw: per-seed runs, cells
 * (mean ± SD over seeds, traced to their run directories) and the paper-layout display table,
 * rendered as Markdown, CSV and LaTeX, plus the side-by-side comparison with the paper.
 */
package io.cobench.reports.tables;
