package io.cobench.train;

import io.cobench.spi.OptimizerConfig;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One optimiser over named parameters for loops that do not run a {@link TrainingSession}
 * (downstream heads and fine-tuning): the same {@link Updater}s and the same {@link GradientClip}
 * rule as pretraining, so there is one implementation of each.
 */
public final class NamedOptimizer {
    private final OptimizerConfig cfg;
    private final Map<String, Updater> updaters = new HashMap<>();

    /** {@code cfg}'s type, moments, decay and {@code clipNorm} apply; its learning rate comes with each step. */
    public NamedOptimizer(OptimizerConfig cfg) {
        this.cfg = cfg;
    }

    /**
     * Clips {@code grads} (same keys as {@code params}) to the configured global norm, then updates
     * every parameter in place; {@code grads} are consumed. Returns the norm before clipping.
     */
    public double step(Map<String, INDArray> params, Map<String, INDArray> grads, double lr, long iteration) {
        for (String n : params.keySet()) {
            if (grads.get(n) == null) {
                throw new IllegalStateException("no gradient for parameter " + n);
            }
        }
        double norm = GradientClip.clip(grads.values(), cfg.clipNorm());
        for (var e : params.entrySet()) {
            INDArray p = e.getValue();
            updaters.computeIfAbsent(e.getKey(), k -> Updater.create(cfg, p)).step(p, grads.get(e.getKey()), lr, iteration);
        }
        return norm;
    }
}
