package io.cobench.baselines.pcrlv2;

import io.cobench.spi.SingleMethodProvider;

/** Registers PCRLv2 under the key {@code pcrlv2}. */
public final class Pcrlv2Provider extends SingleMethodProvider<Pcrlv2Config> {
    public Pcrlv2Provider() {
        super("pcrlv2", "PCRLv2", "PCRLv2: multi-level consistency of global and local views plus pixel restoration, U-Net without skips",
                Pcrlv2Config.class, Pcrlv2Config::paper, Pcrlv2::new);
    }
}
