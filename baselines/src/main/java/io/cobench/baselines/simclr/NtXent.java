package io.cobench.baselines.simclr;

import org.nd4j.autodiff.loss.LossReduce;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * NT-Xent (SimCLR's normalised temperature-scaled cross-entropy) over 2B embeddings.
 *
 * <p>For anchor i the positive is its other view, p(i) = (i + B) mod 2B, and the negatives are the
 * other 2B - 2 rows: loss_i = -s_{i,p(i)}/tau + log sum_{j != i} exp(s_ij / tau), averaged over all
 * 2B anchors. Built as {@code softmaxCrossEntropy} on logits whose diagonal is pushed to -1e9,
 * because in M2.1 logSoftmax along an explicit dimension has a broken backward.
 */
public final class NtXent {
    /** Subtracted from self-similarities: exp of it is exactly 0 in float, the softmax's max shift keeps rows finite. */
    static final double SELF_MASK = 1e9;

    private NtXent() {
    }

    /**
     * @param z [2B, D] L2-normalised embeddings; rows i and i + B are the two views of image i
     * @param onesB [B] ones without a gradient path (from a placeholder's shape), which fixes B in the graph
     * @param tau temperature
     * @return the scalar loss named {@code name}
     */
    public static SDVariable loss(SameDiff sd, String name, SDVariable z, SDVariable onesB, double tau) {
        SDVariable logits = z.mmul(z.permute(1, 0)).div(tau);
        SDVariable self = sd.math().diag(sd.concat(0, onesB, onesB));
        SDVariable masked = logits.sub(self.mul(SELF_MASK));
        // The positives form the block matrix [[0, I], [I, 0]]: row i points at row i + B and back.
        SDVariable eye = sd.math().diag(onesB);
        SDVariable zero = sd.zerosLike(eye);
        SDVariable positives = sd.concat(0, sd.concat(1, zero, eye), sd.concat(1, eye, zero));
        return sd.loss().softmaxCrossEntropy(name, positives, masked, null,
                LossReduce.MEAN_BY_NONZERO_WEIGHT_COUNT, 0.0);
    }
}
