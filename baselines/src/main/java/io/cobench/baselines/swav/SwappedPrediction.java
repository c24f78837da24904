package io.cobench.baselines.swav;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * SwAV's swapped prediction: the codes q_s of each of the two large crops are predicted from every
 * other crop t, loss = -sum_k q_s log softmax(p_t / T)_k averaged over the batch, over the V - 1
 * other crops and over the two code crops. With two crops this is
 * [CE(q1, p2) + CE(q2, p1)] / 2.
 *
 * <p>Without slicing: log softmax (last axis) of all V*B score rows is laid out as [V, B*K], the
 * codes as [2, B*K]; their product [2, V] holds every (code crop, predicting crop) cross-entropy
 * summed over the batch, and a constant weight matrix with zero diagonal picks the swapped pairs.
 */
public final class SwappedPrediction {
    private SwappedPrediction() {
    }

    /**
     * @param scores [V*B, K] prototype scores with gradient, crops stacked in order (large crops first)
     * @param codes [2, B, K] codes of the two large crops, without gradient
     * @param batch B as a scalar without a gradient path
     * @param crops V, the number of crops (at least 2)
     */
    public static SDVariable loss(SameDiff sd, String name, SDVariable scores, SDVariable codes, SDVariable batch,
                                  int crops, double temperature) {
        if (crops < 2) {
            throw new IllegalArgumentException("swapped prediction needs at least 2 crops, got " + crops);
        }
        SDVariable logp = sd.nn().logSoftmax(scores.div(temperature)).reshape(crops, -1);
        SDVariable cross = codes.reshape(2, -1).mmul(logp.permute(1, 0));
        double w = 1.0 / (2.0 * (crops - 1));
        INDArray weights = Nd4j.zeros(scores.dataType(), 2, crops);
        for (int s = 0; s < 2; s++) {
            for (int t = 0; t < crops; t++) {
                if (t != s) {
                    weights.putScalar(s, t, w);
                }
            }
        }
        SDVariable pairs = sd.constant(name + "_pairs", weights);
        return cross.mul(pairs).sum().div(batch).neg(name);
    }
}
