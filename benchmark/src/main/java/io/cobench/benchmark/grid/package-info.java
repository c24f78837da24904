/**
 * What a grid is: its YAML config, the cells it enumerates, the pretraining units they share,
 * and the deterministic split of the units over shards.
 */
package io.cobench.benchmark.grid;
