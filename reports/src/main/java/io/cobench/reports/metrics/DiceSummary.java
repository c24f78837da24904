package io.cobench.reports.metrics;

import java.util.List;

/**
 * Dice over a test set.
 *
 * @param perImage Dice of each image, in the order added
 * @param mean     mean of {@code perImage} (the paper's headline number)
 * @param pooled   Dice of all pixels of all images taken together
 */
public record DiceSummary(List<Double> perImage, double mean, double pooled) {
}
