package io.cobench.coboom;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The codebook and how it learns.
 *
 * @param size number of codewords K (1024 in the paper); their width D is the encoder's channel count
 * @param beta weight of the commitment term: L_q = l_cb + beta * l_ce (the paper's second "alpha"; 0.25 as in VQ-VAE)
 * @param update {@code loss}: the codebook is a parameter trained by l_cb (paper); {@code ema}: it follows
 *               exponential moving averages of its assigned features (official code), and l_cb is only logged
 * @param decay EMA decay of counts and sums (official 0.99)
 * @param eps Laplace smoothing of the EMA counts (official 1e-5)
 * @param emaInitCount starting EMA count of every code; its EMA sum starts at this count times the codeword,
 *                     so that an unused code keeps its vector while count and sum decay together. With 0,
 *                     every code the first batch misses collapses onto the origin
 * @param distance {@code euclidean}: nearest code by ||y - e|| (paper); {@code cosine}: both sides L2-normalised
 *                 before the distance, as the official code does (the looked-up vector stays unnormalised)
 * @param init {@code uniform}: codewords drawn from U(-1/K, 1/K) (official code and VQ-VAE reference);
 *             {@code data}: after the first step every codeword is replaced by a feature vector drawn at random
 *             from that step's batch. The paper does not say. Near the origin, the uniform codewords all lose to
 *             the one best aligned with the (non-negative, post-ReLU) features, and only that one is trained.
 * @param codebookLoss {@code sum}: l_cb is the squared norm ||sg[y] - e||^2 over the D channels, averaged over
 *                     positions, as the paper writes it; {@code mean}: averaged over channels too, as the official
 *                     code's and VQ-VAE's mse, which divides the codewords' gradient by D. The commitment term is
 *                     always the mean: under {@code quantize: online} a D-fold commitment would swamp L1 and L2
 */
public record QuantizerConfig(int size, double beta, Update update, double decay, double eps, double emaInitCount,
                              Distance distance, Init init, Reduction codebookLoss) {

    /** How l_cb is reduced over the channels. */
    public enum Reduction {
        @JsonProperty("sum") SUM,
        @JsonProperty("mean") MEAN
    }

    /** How the codewords are learned. */
    public enum Update {
        @JsonProperty("loss") LOSS,
        @JsonProperty("ema") EMA
    }

    /** What "nearest" means. */
    public enum Distance {
        @JsonProperty("euclidean") EUCLIDEAN,
        @JsonProperty("cosine") COSINE
    }

    /** Where the codewords start. */
    public enum Init {
        @JsonProperty("uniform") UNIFORM,
        @JsonProperty("data") DATA
    }

    public QuantizerConfig {
        if (size < 2) {
            throw new IllegalArgumentException("quantizer.size must be >= 2, got " + size);
        }
        if (!(beta >= 0)) {
            throw new IllegalArgumentException("quantizer.beta must be >= 0, got " + beta);
        }
        if (codebookLoss == null) {
            throw new IllegalArgumentException("quantizer.codebookLoss (sum|mean) is required");
        }
        if (update == null || distance == null || init == null) {
            throw new IllegalArgumentException("quantizer.update (loss|ema), quantizer.distance (euclidean|cosine) "
                    + "and quantizer.init (uniform|data) are required");
        }
        if (!(decay > 0 && decay < 1)) {
            throw new IllegalArgumentException("quantizer.decay must be in (0, 1), got " + decay);
        }
        if (!(eps > 0) || !(emaInitCount >= 0)) {
            throw new IllegalArgumentException("quantizer.eps must be > 0 and quantizer.emaInitCount >= 0, got "
                    + eps + ", " + emaInitCount);
        }
    }

    /** The paper's quantizer: K codes trained by the codebook loss (a squared norm), Euclidean distance, beta 0.25, data init. */
    public static QuantizerConfig paper(int size) {
        return new QuantizerConfig(size, 0.25, Update.LOSS, 0.99, 1e-5, 1.0, Distance.EUCLIDEAN, Init.DATA, Reduction.SUM);
    }

    /** This quantizer with l_cb reduced as {@code r}. */
    public QuantizerConfig withCodebookLoss(Reduction r) {
        return new QuantizerConfig(size, beta, update, decay, eps, emaInitCount, distance, init, r);
    }
}
