/**
 * Assembles everything the reports module can say about a store into one self-contained
 * directory: report.md linking tables, significance, paper comparison and PNG figures by
 * relative paths, so it opens offline.
 */
package io.cobench.reports.report;
