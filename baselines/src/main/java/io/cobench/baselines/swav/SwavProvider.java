package io.cobench.baselines.swav;

import io.cobench.spi.SingleMethodProvider;

/** Registers SwAV under the key {@code swav}. */
public final class SwavProvider extends SingleMethodProvider<SwavConfig> {
    public SwavProvider() {
        super("swav", "SwAV", "SwAV: swapped prediction of Sinkhorn codes over learnable prototypes",
                SwavConfig.class, SwavConfig::paper, Swav::new);
    }
}
