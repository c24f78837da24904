/**
 * Read-only view of a results store, as laid down in {@code docs/results-store.md}: finished
 * evaluation cells with their metrics.json, pretraining runs with their logged metrics, and
 * Grad-CAM overlays.
 */
package io.cobench.reports.store;
