/**
 * Statistics over stored results: paired t-tests (Apache Commons Math), Holm's step-down
 * correction, and a seeded paired bootstrap of mean AUC over test images.
 */
package io.cobench.reports.stats;
