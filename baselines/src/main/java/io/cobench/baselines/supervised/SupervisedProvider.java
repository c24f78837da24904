package io.cobench.baselines.supervised;

import io.cobench.spi.MethodProvider;
import io.cobench.spi.SslMethod;
import java.util.List;

/** Registers the supervised baseline under the key {@code sup} (table row "Sup."). */
public final class SupervisedProvider implements MethodProvider {
    @Override
    public List<String> names() {
        return List.of("sup");
    }

    @Override
    public String description(String name) {
        return "Sup.: random-initialised encoder, trained on the downstream labels only (no pretraining)";
    }

    @Override
    public Class<? extends Record> configType() {
        return SupervisedConfig.class;
    }

    @Override
    public Record defaults(String name) {
        return new SupervisedConfig();
    }

    @Override
    public SslMethod create(String name, Record config) {
        return new Supervised(name, (SupervisedConfig) config);
    }

    @Override
    public String tableRow(String name) {
        return "Sup.";
    }
}
