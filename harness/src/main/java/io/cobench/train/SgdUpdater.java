package io.cobench.train;

import java.nio.FloatBuffer;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** SGD with heavy-ball momentum and coupled weight decay, as torch.optim.SGD: v = m v + (g + wd w), w -= lr v. */
public final class SgdUpdater implements Updater {
    private final INDArray velocity;
    private final double momentum;
    private final double weightDecay;

    public SgdUpdater(INDArray param, double momentum, double weightDecay) {
        this.velocity = param.ulike().assign(0);
        this.momentum = momentum;
        this.weightDecay = weightDecay;
    }

    @Override
    public void step(INDArray param, INDArray grad, double lr, long iteration) {
        if (FloatLoops.java(param, grad, velocity)) {
            stepInJava(param, grad, lr);
            return;
        }
        // axpy and the in-place ops allocate nothing: a temporary per parameter per step was a
        // fresh zero-filled native array, a measurable share of small steps.
        if (weightDecay != 0) {
            Axpy.into(grad, weightDecay, param);
        }
        velocity.muli(momentum).addi(grad);
        Axpy.into(param, -lr, velocity);
    }

    private void stepInJava(INDArray param, INDArray grad, double lr) {
        FloatBuffer p = FloatLoops.floats(param);
        FloatBuffer g = FloatLoops.floats(grad);
        FloatBuffer v = FloatLoops.floats(velocity);
        float wd = (float) weightDecay;
        float m = (float) momentum;
        float a = (float) -lr;
        for (int i = 0, n = (int) param.length(); i < n; i++) {
            float gi = weightDecay != 0 ? Math.fma(wd, p.get(i), g.get(i)) : g.get(i);
            float vi = v.get(i) * m + gi;
            v.put(i, vi);
            p.put(i, Math.fma(a, vi, p.get(i)));
        }
    }

    @Override
    public Map<String, INDArray> state() {
        return Map.of("velocity", velocity);
    }
}
