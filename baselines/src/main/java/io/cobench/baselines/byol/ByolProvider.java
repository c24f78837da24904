package io.cobench.baselines.byol;

import io.cobench.spi.SingleMethodProvider;

/** Registers BYOL under the key {@code byol}. */
public final class ByolProvider extends SingleMethodProvider<ByolConfig> {
    public ByolProvider() {
        super("byol", "BYOL", "BYOL: online network predicts an EMA target's projection of the other view",
                ByolConfig.class, ByolConfig::paper, Byol::new);
    }
}
