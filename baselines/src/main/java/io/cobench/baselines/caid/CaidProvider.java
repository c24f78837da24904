package io.cobench.baselines.caid;

import io.cobench.spi.SingleMethodProvider;

/** Registers CAiD under the key {@code caid}. */
public final class CaidProvider extends SingleMethodProvider<CaidConfig> {
    public CaidProvider() {
        super("caid", "CAiD", "CAiD: MoCo-v2 instance discrimination plus restoration of distorted views by a U-Net",
                CaidConfig.class, CaidConfig::paper, Caid::new);
    }
}
