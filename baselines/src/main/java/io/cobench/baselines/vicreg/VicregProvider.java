package io.cobench.baselines.vicreg;

import io.cobench.spi.MethodProvider;
import io.cobench.spi.SslMethod;
import java.util.List;

/** Registers VICReg under the key {@code vicreg}. */
public final class VicregProvider implements MethodProvider {
    @Override
    public List<String> names() {
        return List.of("vicreg");
    }

    @Override
    public String description(String name) {
        return "VICReg: invariance, variance and covariance terms on expanded embeddings";
    }

    @Override
    public Class<? extends Record> configType() {
        return VicregConfig.class;
    }

    @Override
    public Record defaults(String name) {
        return VicregConfig.paper();
    }

    @Override
    public SslMethod create(String name, Record config) {
        return new Vicreg(name, (VicregConfig) config);
    }

    @Override
    public String tableRow(String name) {
        return "VICReg";
    }
}
