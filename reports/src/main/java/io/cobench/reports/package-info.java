/**
 * Reads a results store (see {@code docs/results-store.md}) and turns it into the paper's
 * tables, significance tests, figures and a self-contained report. It never trains anything.
 */
package io.cobench.reports;
