package io.cobench.baselines.dira;

import io.cobench.spi.SingleMethodProvider;

/** Registers DiRA under the key {@code dira}. */
public final class DiraProvider extends SingleMethodProvider<DiraConfig> {
    public DiraProvider() {
        super("dira", "DiRA", "DiRA: CAiD's discriminative and restorative U-Net plus an adversarial PatchGAN discriminator",
                DiraConfig.class, DiraConfig::paper, Dira::new);
    }
}
