package io.cobench.baselines.vicreg;

import io.cobench.spi.SingleMethodProvider;

/** Registers VICReg under the key {@code vicreg}. */
public final class VicregProvider extends SingleMethodProvider<VicregConfig> {
    public VicregProvider() {
        super("vicreg", "VICReg", "VICReg: invariance, variance and covariance terms on expanded embeddings",
                VicregConfig.class, VicregConfig::paper, Vicreg::new);
    }
}
