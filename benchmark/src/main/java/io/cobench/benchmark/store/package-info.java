/**
 * The results store (docs/results-store.md): one directory per pretraining run and per grid
 * cell, every file written atomically and {@code DONE} last, so that a rerun knows exactly what
 * is finished.
 */
package io.cobench.benchmark.store;
