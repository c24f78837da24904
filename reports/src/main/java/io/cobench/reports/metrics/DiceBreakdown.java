package io.cobench.reports.metrics;

/**
 * The headline SIIM Dice beside the two numbers needed to read it.
 *
 * <p>The headline mean counts an empty prediction on an empty truth mask as 1, so on a test set
 * balanced between positives and negatives a model that never predicts foreground already scores
 * the share of negatives. {@code emptyFloor} is that score; {@code positivesMean} leaves the
 * negatives out altogether.
 *
 * @param images        test images
 * @param positives     images whose truth mask has foreground
 * @param mean          mean per-image Dice with the empty-truth rule (the paper's headline)
 * @param positivesMean mean per-image Dice over the positives only; NaN when there are none
 * @param pooled        Dice of all pixels of all images together
 * @param emptyFloor    the headline Dice an all-empty predictor would get on these images:
 *                      (images - positives) / images
 */
public record DiceBreakdown(int images, int positives, double mean, double positivesMean, double pooled,
                            double emptyFloor) {
}
