package io.cobench.baselines.swav;

import io.cobench.spi.MethodProvider;
import io.cobench.spi.SslMethod;
import java.util.List;

/** Registers SwAV under the key {@code swav}. */
public final class SwavProvider implements MethodProvider {
    @Override
    public List<String> names() {
        return List.of("swav");
    }

    @Override
    public String description(String name) {
        return "SwAV: swapped prediction of Sinkhorn codes over learnable prototypes";
    }

    @Override
    public Class<? extends Record> configType() {
        return SwavConfig.class;
    }

    @Override
    public Record defaults(String name) {
        return SwavConfig.paper();
    }

    @Override
    public SslMethod create(String name, Record config) {
        return new Swav(name, (SwavConfig) config);
    }

    @Override
    public String tableRow(String name) {
        return "SwAV";
    }
}
