package io.cobench.benchmark.model;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * AdamW as PyTorch defines it (decoupled weight decay {@code p -= lr * wd * p} before the Adam
 * step, bias-corrected moments), over named parameters updated in place.
 */
public final class AdamW {
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final Map<String, INDArray[]> moments = new HashMap<>();
    private int t;

    public AdamW(double weightDecay) {
        this(0.9, 0.999, 1e-8, weightDecay);
    }

    public AdamW(double beta1, double beta2, double eps, double weightDecay) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
    }

    /** One step over all {@code params} with their {@code grads} (same keys) at learning rate {@code lr}. */
    public void step(Map<String, INDArray> params, Map<String, INDArray> grads, double lr) {
        t++;
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        for (var e : params.entrySet()) {
            INDArray p = e.getValue();
            INDArray g = grads.get(e.getKey());
            if (g == null) {
                throw new IllegalStateException("no gradient for parameter " + e.getKey());
            }
            INDArray[] mv = moments.computeIfAbsent(e.getKey(), k -> new INDArray[] {
                    Nd4j.zeros(p.dataType(), p.shape()), Nd4j.zeros(p.dataType(), p.shape())});
            mv[0].muli(beta1).addi(g.mul(1 - beta1));
            mv[1].muli(beta2).addi(g.mul(g).muli(1 - beta2));
            if (weightDecay > 0) {
                p.muli(1 - lr * weightDecay);
            }
            INDArray denom = Transforms.sqrt(mv[1].div(c2), false).addi(eps);
            p.subi(mv[0].div(denom).muli(lr / c1));
        }
    }

    /**
     * Scales {@code grads} in place so that their global L2 norm is at most {@code maxNorm}
     * (PyTorch's clip_grad_norm_); returns the norm before clipping.
     */
    public static double clipGlobalNorm(Map<String, INDArray> grads, double maxNorm) {
        double sq = 0;
        for (INDArray g : grads.values()) {
            double n = g.norm2Number().doubleValue();
            sq += n * n;
        }
        double norm = Math.sqrt(sq);
        if (maxNorm > 0 && norm > maxNorm) {
            double s = maxNorm / (norm + 1e-6);
            grads.values().forEach(g -> g.muli(s));
        }
        return norm;
    }
}
