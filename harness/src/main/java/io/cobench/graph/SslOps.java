package io.cobench.graph;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;

/**
 * The graph pieces that several methods' losses share, built only from ops whose backward passes
 * the gradient checks of M2.1 accept: stop-gradient, row normalisation, cosine regression, MSE
 * and batch-size constants. One home, so a method never carries its own copy.
 */
public final class SslOps {
    private SslOps() {
    }

    /** {@code x} forward, no gradient backward (PyTorch's {@code detach}). */
    public static SDVariable stopGradient(SameDiff sd, SDVariable x) {
        return new StopGradient(sd, x).outputVariable();
    }

    /**
     * How rows of [N,D] are scaled to unit L2 norm. Both forms guard zero rows with 1e-12 and agree
     * to float rounding elsewhere; each method keeps the form its recorded results were made with.
     */
    public enum RowNorm {
        /** {@code x / (||x|| + 1e-12)}: the baselines. */
        DIVIDE,
        /** {@code x * rsqrt(||x||^2 + 1e-12)}: CoBooM (its quantizer matches codes with it). */
        RSQRT;

        public SDVariable apply(SameDiff sd, SDVariable x) {
            return this == DIVIDE ? x.div(x.norm2(true, 1).add(1e-12))
                    : x.mul(sd.math().rsqrt(x.mul(x).sum(true, 1).add(1e-12)));
        }
    }

    /** Rows of [N,D] scaled to unit L2 norm, the baselines' form ({@link RowNorm#DIVIDE}). */
    public static SDVariable unitRows(SameDiff sd, SDVariable x) {
        return RowNorm.DIVIDE.apply(sd, x);
    }

    /** {@code cos(a_i, b_i)} per row of [N,D] inputs, normalised with {@code norm}. */
    public static SDVariable rowCosine(SameDiff sd, SDVariable a, SDVariable b, RowNorm norm) {
        return norm.apply(sd, a).mul(norm.apply(sd, b)).sum(1);
    }

    /** The mean over rows of cos(a_i, b_i), baselines' normalisation. */
    public static SDVariable meanCosine(SameDiff sd, SDVariable a, SDVariable b) {
        return rowCosine(sd, a, b, RowNorm.DIVIDE).mean();
    }

    /** BYOL's normalised regression loss {@code 2 - 2 mean_i cos(a_i, b_i)}, named {@code name}. */
    public static SDVariable regression(SameDiff sd, String name, SDVariable a, SDVariable b, RowNorm norm) {
        return rowCosine(sd, a, b, norm).mean().mul(-2.0).add(name, 2.0);
    }

    /** {@code mean((a - b)^2)} over every element, as torch.nn.MSELoss with its default reduction. */
    public static SDVariable mse(SameDiff sd, String name, SDVariable a, SDVariable b) {
        SDVariable d = a.sub(b);
        return d.mul(d).mean(name);
    }

    /** {@code mean((a - c)^2)} against a constant c (LSGAN targets 1 and 0). */
    public static SDVariable mseToConstant(SameDiff sd, String name, SDVariable a, double c) {
        SDVariable d = a.sub(c);
        return d.mul(d).mean(name);
    }

    /**
     * A [B] vector of ones for an image placeholder [B,C,H,W]: built from the placeholder's shape,
     * so one graph serves every batch size and no gradient runs through it.
     */
    public static SDVariable batchOnes(SameDiff sd, SDVariable images) {
        return sd.onesLike(images.mean(1, 2, 3));
    }

    /** B as a scalar, from an image placeholder [B,C,H,W] (see {@link #batchOnes}). */
    public static SDVariable batchCount(SameDiff sd, SDVariable images) {
        return batchOnes(sd, images).sum();
    }
}
