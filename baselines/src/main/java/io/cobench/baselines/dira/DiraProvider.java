package io.cobench.baselines.dira;

import io.cobench.spi.MethodProvider;
import io.cobench.spi.SslMethod;
import java.util.List;

/** Registers DiRA under the key {@code dira}. */
public final class DiraProvider implements MethodProvider {
    @Override
    public List<String> names() {
        return List.of("dira");
    }

    @Override
    public String description(String name) {
        return "DiRA: CAiD's discriminative and restorative U-Net plus an adversarial PatchGAN discriminator";
    }

    @Override
    public Class<? extends Record> configType() {
        return DiraConfig.class;
    }

    @Override
    public Record defaults(String name) {
        return DiraConfig.paper();
    }

    @Override
    public SslMethod create(String name, Record config) {
        return new Dira(name, (DiraConfig) config);
    }

    @Override
    public String tableRow(String name) {
        return "DiRA";
    }
}
