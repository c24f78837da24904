package io.cobench.spi;

import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Where training stands, handed to method hooks.
 *
 * @param step zero-based global step being (or just) taken
 * @param totalSteps steps of the whole run
 * @param epoch zero-based epoch of {@code step}
 * @param totalEpochs epochs of the whole run
 * @param seed the run's master seed: hooks derive randomness from (seed, step) so resume replays it
 */
public record StepState(long step, long totalSteps, long epoch, long totalEpochs, long seed, SameDiff sd) {
}
