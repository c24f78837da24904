package io.cobench.baselines.common;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Batch-size-dependent constants built in the graph from a placeholder's shape, so that one graph
 * serves every batch size (a smaller last batch, a resumed run with another size) and no
 * gradient path runs through them: placeholders are never differentiated.
 */
public final class BatchSize {
    private BatchSize() {
    }

    /** A [B] vector of ones for an image placeholder [B,C,H,W]. */
    public static SDVariable ones(SameDiff sd, SDVariable images) {
        return sd.onesLike(images.mean(1, 2, 3));
    }

    /** B as a scalar. */
    public static SDVariable count(SameDiff sd, SDVariable images) {
        return ones(sd, images).sum();
    }
}
