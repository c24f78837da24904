package io.cobench.baselines.byol;

import io.cobench.spi.MethodProvider;
import io.cobench.spi.SslMethod;
import java.util.List;

/** Registers BYOL under the key {@code byol}. */
public final class ByolProvider implements MethodProvider {
    @Override
    public List<String> names() {
        return List.of("byol");
    }

    @Override
    public String description(String name) {
        return "BYOL: online network predicts an EMA target's projection of the other view";
    }

    @Override
    public Class<? extends Record> configType() {
        return ByolConfig.class;
    }

    @Override
    public Record defaults(String name) {
        return ByolConfig.paper();
    }

    @Override
    public SslMethod create(String name, Record config) {
        return new Byol(name, (ByolConfig) config);
    }

    @Override
    public String tableRow(String name) {
        return "BYOL";
    }
}
