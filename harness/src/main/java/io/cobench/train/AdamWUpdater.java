package io.cobench.train;

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
        if (weightDecay != 0) {
            param.muli(1 - lr * weightDecay);
        }
        Axpy.into(m.muli(beta1), 1 - beta1, grad);
        Axpy.into(v.muli(beta2), 1 - beta2, grad.muli(grad));
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        // grad's memory is free now: it becomes the step m_hat / (sqrt(v_hat) + eps), with no temporaries
        INDArray step = Transforms.sqrt(grad.assign(v).divi(c2), false).addi(eps).rdivi(m);
        Axpy.into(param, -lr / c1, step);
    }

    @Override
    public Map<String, INDArray> state() {
        return Map.of("m", m, "v", v);
    }
}
