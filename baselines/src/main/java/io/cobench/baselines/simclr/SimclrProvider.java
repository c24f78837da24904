package io.cobench.baselines.simclr;

import io.cobench.spi.SingleMethodProvider;

/** Registers SimCLR under the key {@code simclr}. */
public final class SimclrProvider extends SingleMethodProvider<SimclrConfig> {
    public SimclrProvider() {
        super("simclr", "SimCLR", "SimCLR: NT-Xent contrast of two views against the rest of the batch",
                SimclrConfig.class, SimclrConfig::paper, Simclr::new);
    }
}
