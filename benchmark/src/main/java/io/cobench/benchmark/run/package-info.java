/**
 * Running a grid into a store: pretraining each encoder once, evaluating its cells, skipping
 * what is finished, sharding, progress, and the {@code cobench reproduce} and {@code cobench grid}
 * commands.
 */
package io.cobench.benchmark.run;
