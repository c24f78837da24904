package io.cobench.coboom;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The exponential-moving-average codebook update (van den Oord et al. 2017, appendix; Sonnet's
 * VectorQuantizerEMA): N_k = d N_k + (1-d) n_k, m_k = d m_k + (1-d) sum_k, with n_k counted from
 * the one-hot assignments (the official code summed the code indices instead, a bug), then
 * e_k = m_k / N~_k where N~ is N with Laplace smoothing: (N_k + eps) / (n + K eps) * n.
 */
public final class EmaCodebook {
    private EmaCodebook() {
    }

    /**
     * Updates {@code count} [K], {@code sum} [K,D] and {@code codebook} [K,D] in place from one
     * batch's {@code batchCounts} [K] and {@code batchSums} [K,D].
     */
    public static void update(INDArray codebook, INDArray count, INDArray sum, INDArray batchCounts,
                              INDArray batchSums, double decay, double eps) {
        count.muli(decay).addi(batchCounts.reshape(count.shape()).castTo(count.dataType()).mul(1 - decay));
        sum.muli(decay).addi(batchSums.castTo(sum.dataType()).mul(1 - decay));
        double n = count.sumNumber().doubleValue();
        long k = count.length();
        INDArray smoothed = count.add(eps).divi(n + k * eps).muli(n);
        codebook.assign(sum.divColumnVector(smoothed.reshape(k, 1)));
    }
}
