package io.cobench.train;

import io.cobench.spi.OptimizerConfig;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Updates one parameter in place from its gradient. One instance per variable, so every
 * variable can have its own rule (LARS skips 1-D parameters). State is exposed by name for
 * checkpoints.
 */
public interface Updater {

    /** Applies one step: {@code param} is changed in place; {@code grad} may be modified. */
    void step(INDArray param, INDArray grad, double lr, long iteration);

    /** Named state arrays (momentum buffers, moments), live views for checkpointing. */
    Map<String, INDArray> state();

    /** Creates the updater that {@code cfg} describes for a parameter shaped like {@code param}. */
    static Updater create(OptimizerConfig cfg, INDArray param) {
        boolean matrix = param.rank() > 1;
        return switch (cfg.type()) {
            case "lars" -> new LarsUpdater(param, cfg.momentum(), matrix ? cfg.weightDecay() : 0.0, cfg.eta(), matrix);
            case "sgd" -> new SgdUpdater(param, cfg.momentum(), cfg.weightDecay());
            case "adamw" -> new AdamWUpdater(param, cfg.beta1(), cfg.beta2(), cfg.eps(), cfg.weightDecay());
            default -> throw new IllegalArgumentException("unknown optimizer " + cfg.type());
        };
    }
}
