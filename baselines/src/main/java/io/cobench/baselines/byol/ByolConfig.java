package io.cobench.baselines.byol;

import io.cobench.graph.MlpConfig;

/**
 * BYOL's heads and target momentum.
 *
 * @param projector encoder features to the embedding (paper: 512 -> 4096 -> BN -> ReLU -> 256)
 * @param predictor online-only head on the embedding (paper: 256 -> 4096 -> BN -> ReLU -> 256)
 * @param tau0 base EMA momentum of the target network, raised to 1 by the cosine schedule (the
 *             official code's 300-epoch preset: 0.99; 0.996 is its 1000-epoch one)
 */
public record ByolConfig(MlpConfig projector, MlpConfig predictor, double tau0) {
    public ByolConfig {
        if (!(tau0 > 0 && tau0 < 1)) {
            throw new IllegalArgumentException("byol: tau0 must be in (0,1), got " + tau0);
        }
        if (predictor.out() != projector.out()) {
            throw new IllegalArgumentException("byol: predictor.out (" + predictor.out()
                    + ") must equal projector.out (" + projector.out() + ")");
        }
    }

    public static ByolConfig paper() {
        return new ByolConfig(new MlpConfig(2, 4096, 256, true, false), new MlpConfig(2, 4096, 256, true, false), 0.99);
    }
}
