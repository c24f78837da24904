package io.cobench.baselines.simclr;

import io.cobench.graph.MlpConfig;

/**
 * SimCLR's head and temperature.
 *
 * @param projector encoder features to the embedding, Linear-BN-ReLU-Linear (paper: out 128; the
 *                  hidden width equals the encoder's feature width as in SimCLR, 512 for ResNet-18)
 * @param temperature tau of NT-Xent (default 0.1)
 */
public record SimclrConfig(MlpConfig projector, double temperature) {
    public SimclrConfig {
        if (projector == null) {
            throw new IllegalArgumentException("simclr: projector is required");
        }
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("simclr: temperature must be > 0, got " + temperature);
        }
    }

    public static SimclrConfig paper() {
        return new SimclrConfig(new MlpConfig(2, 512, 128, true, false), 0.1);
    }
}
