package io.cobench.baselines.swav;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * SwAV's codes: Sinkhorn-Knopp on exp(scores / eps), per view, built in the graph on scores that
 * carry no gradient.
 *
 * <p>The reference normalises the whole matrix, then alternates per-prototype sums = 1/K and
 * per-sample sums = 1/B, and finally scales samples to sum 1. Global factors cancel in the next
 * normalisation, so alternating plain per-prototype and per-sample normalisations gives the same
 * codes without knowing B. Subtracting each prototype's maximum score before exp is exact for the
 * same reason (a per-prototype factor cancels in the first step) and keeps exp in range for small
 * eps. Queue rows, when given, count as samples in the per-prototype sums; the gate (0 or 1)
 * switches their contribution off while the queue is still filling.
 */
public final class Sinkhorn {
    private Sinkhorn() {
    }

    /**
     * @param scores [V, B, K] prototype scores of the batch, without gradient
     * @param queueScores [V, L, K] scores of queued embeddings, or null without a queue
     * @param queueGate scalar 0 or 1, or null without a queue
     * @return codes [V, B, K], each sample's row summing to 1
     */
    public static SDVariable codes(SameDiff sd, SDVariable scores, SDVariable queueScores, SDVariable queueGate,
                                   double eps, int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("Sinkhorn needs at least 1 iteration, got " + iterations);
        }
        SDVariable max = scores.max(true, 1);
        if (queueScores != null) {
            max = sd.max(max, queueScores.max(true, 1));
        }
        SDVariable q = sd.math().exp(scores.sub(max).div(eps));
        SDVariable qq = queueScores == null ? null : sd.math().exp(queueScores.sub(max).div(eps));
        for (int it = 0; it < iterations; it++) {
            SDVariable perPrototype = q.sum(true, 1);
            if (qq != null) {
                perPrototype = perPrototype.add(qq.sum(true, 1).mul(queueGate));
                qq = qq.div(perPrototype);
                qq = qq.div(qq.sum(true, 2));
            }
            q = q.div(perPrototype);
            q = q.div(q.sum(true, 2));
        }
        return q;
    }
}
