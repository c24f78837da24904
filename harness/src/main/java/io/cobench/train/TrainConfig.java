package io.cobench.train;

import io.cobench.spi.OptimizerConfig;

/**
 * The harness's part of a run: how long, how big, how often to save.
 *
 * @param epochs passes over the data
 * @param maxSteps if > 0, stop after this many steps even if epochs are not done (smoke runs)
 * @param batchSize images per step
 * @param seed master seed; every other seed is derived from it
 * @param optimizer the run's optimiser (groups of a method may bring their own)
 * @param checkpointEvery steps between checkpoints; 0 saves only at the end
 * @param logEvery steps between metric log lines
 * @param gcEvery steps between System.gc() calls; ND4J frees off-heap buffers only when their Java
 *                wrappers are collected, and without this RSS climbs by about a GB per step
 */
public record TrainConfig(int epochs, long maxSteps, int batchSize, long seed, OptimizerConfig optimizer,
                          int checkpointEvery, int logEvery, int gcEvery) {
    public TrainConfig {
        if (epochs < 1 || batchSize < 1 || logEvery < 1 || gcEvery < 0 || checkpointEvery < 0 || maxSteps < 0) {
            throw new IllegalArgumentException("train: need epochs >= 1, batchSize >= 1, logEvery >= 1, "
                    + "gcEvery >= 0, checkpointEvery >= 0, maxSteps >= 0");
        }
        if (optimizer == null) {
            throw new IllegalArgumentException("train: optimizer is required");
        }
    }

    /** Total steps for data with {@code stepsPerEpoch} batches per epoch. */
    public long totalSteps(long stepsPerEpoch) {
        long all = epochs * stepsPerEpoch;
        return maxSteps > 0 ? Math.min(all, maxSteps) : all;
    }
}
