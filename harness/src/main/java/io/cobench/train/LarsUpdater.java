package io.cobench.train;

import java.nio.FloatBuffer;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * LARS as the SSL papers use it (BYOL, the CoBooM code): for weights with more than one
 * dimension, g' = g + wd w and the step is scaled by the trust ratio eta ||w|| / ||g'||; biases
 * and BN parameters (ndim <= 1) get neither adaptation nor weight decay. Momentum is
 * heavy-ball on the scaled step: v = m v + lr * trust * g', w = w - v.
 */
public final class LarsUpdater implements Updater {
    private final INDArray velocity;
    private final double momentum;
    private final double weightDecay;
    private final double eta;
    private final boolean adapt;

    public LarsUpdater(INDArray param, double momentum, double weightDecay, double eta, boolean adapt) {
        this.velocity = param.ulike().assign(0);
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        this.eta = eta;
        this.adapt = adapt;
    }

    @Override
    public void step(INDArray param, INDArray grad, double lr, long iteration) {
        boolean java = FloatLoops.java(param, grad, velocity);
        FloatBuffer p = java ? FloatLoops.floats(param) : null;
        FloatBuffer g = java ? FloatLoops.floats(grad) : null;
        double trust = 1.0;
        if (adapt) {
            if (weightDecay != 0) {
                if (java) {
                    FloatLoops.axpy(g, weightDecay, p, (int) grad.length());
                } else {
                    Axpy.into(grad, weightDecay, param);
                }
            }
            double wn = Math.sqrt(FloatLoops.sumSquares(param));
            double gn = Math.sqrt(FloatLoops.sumSquares(grad));
            if (wn > 0 && gn > 0) {
                trust = eta * wn / gn;
            }
        }
        if (!java) {
            velocity.muli(momentum).addi(grad.muli(lr * trust));
            param.subi(velocity);
            return;
        }
        FloatBuffer v = FloatLoops.floats(velocity);
        float s = (float) (lr * trust);
        float m = (float) momentum;
        for (int i = 0, n = (int) param.length(); i < n; i++) {
            float vi = v.get(i) * m + g.get(i) * s;
            v.put(i, vi);
            p.put(i, p.get(i) - vi);
        }
    }

    @Override
    public Map<String, INDArray> state() {
        return Map.of("velocity", velocity);
    }
}
