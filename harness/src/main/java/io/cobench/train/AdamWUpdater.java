package io.cobench.train;

import java.nio.FloatBuffer;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adam with decoupled weight decay (Loshchilov and Hutter), as torch.optim.AdamW:
 * w -= lr * wd * w; m, v moments with bias correction; w -= lr * m_hat / (sqrt(v_hat) + eps).
 */
public final class AdamWUpdater implements Updater {
    private final INDArray m;
    private final INDArray v;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;

    public AdamWUpdater(INDArray param, double beta1, double beta2, double eps, double weightDecay) {
        this.m = param.ulike().assign(0);
        this.v = param.ulike().assign(0);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
    }

    @Override
    public void step(INDArray param, INDArray grad, double lr, long iteration) {
        long t = iteration + 1;
        if (FloatLoops.java(param, grad, m, v)) {
            stepInJava(param, grad, lr, t);
            return;
        }
        if (weightDecay != 0) {
            param.muli(1 - lr * weightDecay);
        }
        // Separate multiply and add, not Axpy: BLAS axpy fuses them (FMA) and rounds differently,
        // and this is the arithmetic the downstream results were recorded with.
        m.muli(beta1).addi(grad.mul(1 - beta1));
        v.muli(beta2).addi(grad.mul(grad).muli(1 - beta2));
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        INDArray denom = Transforms.sqrt(v.div(c2), false).addi(eps);
        param.subi(m.div(denom).muli(lr / c1));
    }

    /** The same arithmetic, operation for operation in float, as the ND4J calls above. */
    private void stepInJava(INDArray param, INDArray grad, double lr, long t) {
        FloatBuffer p = FloatLoops.floats(param);
        FloatBuffer g = FloatLoops.floats(grad);
        FloatBuffer mb = FloatLoops.floats(m);
        FloatBuffer vb = FloatLoops.floats(v);
        float decay = (float) (1 - lr * weightDecay);
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float g1 = (float) (1 - beta1);
        float g2 = (float) (1 - beta2);
        float c2 = (float) (1 - Math.pow(beta2, t));
        float e = (float) eps;
        float step = (float) (lr / (1 - Math.pow(beta1, t)));
        for (int i = 0, n = (int) param.length(); i < n; i++) {
            float w = weightDecay != 0 ? p.get(i) * decay : p.get(i);
            float gi = g.get(i);
            float mi = mb.get(i) * b1 + gi * g1;
            float vi = vb.get(i) * b2 + gi * gi * g2;
            mb.put(i, mi);
            vb.put(i, vi);
            float denom = (float) Math.sqrt(vi / c2) + e;
            p.put(i, w - mi / denom * step);
        }
    }

    @Override
    public Map<String, INDArray> state() {
        return Map.of("m", m, "v", v);
    }
}
