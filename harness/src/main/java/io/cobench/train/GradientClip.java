package io.cobench.train;

import java.util.Collection;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Global gradient-norm clipping as PyTorch's {@code clip_grad_norm_} does it: one L2 norm over a
 * set of gradients, and a factor {@code max / (norm + 1e-6)} when the norm exceeds {@code max}.
 * Pretraining groups and downstream training clip through here, so both follow one rule.
 */
public final class GradientClip {
    private GradientClip() {
    }

    /** The L2 norm of all {@code grads} together. */
    public static double globalNorm(Collection<INDArray> grads) {
        double sq = 0;
        for (INDArray g : grads) {
            sq += FloatLoops.sumSquares(g);
        }
        return Math.sqrt(sq);
    }

    /** What to multiply the gradients by; 1 when {@code maxNorm} is 0 (off) or not exceeded. */
    public static double factor(double norm, double maxNorm) {
        return maxNorm > 0 && norm > maxNorm ? maxNorm / (norm + 1e-6) : 1.0;
    }

    /** Scales {@code grads} in place to a global norm of at most {@code maxNorm}; returns the norm before. */
    public static double clip(Collection<INDArray> grads, double maxNorm) {
        double norm = globalNorm(grads);
        double f = factor(norm, maxNorm);
        if (f != 1.0) {
            grads.forEach(g -> FloatLoops.scale(g, f));
        }
        return norm;
    }
}
