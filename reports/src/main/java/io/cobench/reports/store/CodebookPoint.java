package io.cobench.reports.store;

/**
 * Codebook health at one logged training step.
 *
 * @param step       optimiser step
 * @param codeUsage  share of codes used, in [0, 1]
 * @param perplexity perplexity of the code assignment
 */
public record CodebookPoint(long step, double codeUsage, double perplexity) {
}
