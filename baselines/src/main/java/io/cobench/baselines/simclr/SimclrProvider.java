package io.cobench.baselines.simclr;

import io.cobench.spi.MethodProvider;
import io.cobench.spi.SslMethod;
import java.util.List;

/** Registers SimCLR under the key {@code simclr}. */
public final class SimclrProvider implements MethodProvider {
    @Override
    public List<String> names() {
        return List.of("simclr");
    }

    @Override
    public String description(String name) {
        return "SimCLR: NT-Xent contrast of two views against the rest of the batch";
    }

    @Override
    public Class<? extends Record> configType() {
        return SimclrConfig.class;
    }

    @Override
    public Record defaults(String name) {
        return SimclrConfig.paper();
    }

    @Override
    public SslMethod create(String name, Record config) {
        return new Simclr(name, (SimclrConfig) config);
    }

    @Override
    public String tableRow(String name) {
        return "SimCLR";
    }
}
