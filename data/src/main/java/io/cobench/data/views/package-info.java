/**
 * The medical baselines' own view pipelines (PCRLv2, CAiD, DiRA) as
 * {@link io.cobench.data.pipeline.ViewTransform}s, and the image operations they are made of:
 * random resized crops, flips, small rotations, colour jitter, blur, cutout, and the restoration
 * distortions (in-painting, out-painting, local patch swaps).
 *
 * <p>Operations work on {@link io.cobench.data.views.FloatImage} (CHW, values in [0,1]) and take
 * all randomness from the {@code SplittableRandom} they are given. Lengths in the configs are
 * stated for 224 px images, as in the reference code, and scaled to the run's image size.
 */
package io.cobench.data.views;
