package io.cobench.baselines.dira;

import io.cobench.baselines.caid.CaidConfig;
import io.cobench.spi.OptimizerConfig;

/**
 * DiRA: the CAiD generator, the adversarial weight and the discriminator.
 *
 * @param generator network, NCE and MSE weights, queue and views, as CAiD
 * @param advWeight weight of the generator's adversarial term (0.001)
 * @param discWidth channels of the discriminator's first conv (64; later ones 2x, 4x, 8x)
 * @param discOptimizer the discriminator's optimiser (Adam, lr 2e-4, betas 0.5/0.999, constant)
 * @param dirEpochs the first this many epochs train DiR only (discriminative + restorative): the
 *                  adversarial term is off and the discriminator gets no gradient. The reference
 *                  runs DiR and DiRA as two runs, the second starting from the first's weights; this
 *                  is the same order inside one run of the paper's epoch budget
 */
public record DiraConfig(CaidConfig generator, double advWeight, int discWidth, OptimizerConfig discOptimizer,
                         int dirEpochs) {
    public DiraConfig {
        if (generator == null || discOptimizer == null) {
            throw new IllegalArgumentException("dira: generator and discOptimizer are required");
        }
        if (!(advWeight >= 0)) {
            throw new IllegalArgumentException("dira: advWeight must be >= 0, got " + advWeight);
        }
        if (dirEpochs < 0) {
            throw new IllegalArgumentException("dira: dirEpochs must be >= 0, got " + dirEpochs);
        }
        if (discWidth < 1) {
            throw new IllegalArgumentException("dira: discWidth must be >= 1, got " + discWidth);
        }
    }

    /** Adam as DiRA's discriminator uses it: no weight decay and no schedule. */
    public static OptimizerConfig adam(double lr) {
        return new OptimizerConfig("adamw", lr, false, 0.0, 0.0, 0.5, 0.999, 1e-8, 0.001, 0.0, 1.0, 0.0);
    }

    public static DiraConfig paper() {
        return new DiraConfig(CaidConfig.paper(), 0.001, 64, adam(2e-4), 100);
    }
}
