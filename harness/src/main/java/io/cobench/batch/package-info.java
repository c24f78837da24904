/**
 * Where images become ND4J arrays: deterministic multi-threaded batch assembly addressed by step,
 * and the prefetching source the trainer reads. Kept out of the data module so that it needs no
 * ND4J.
 */
package io.cobench.batch;
