package io.cobench.baselines.caid;

import io.cobench.spi.MethodProvider;
import io.cobench.spi.SslMethod;
import java.util.List;

/** Registers CAiD under the key {@code caid}. */
public final class CaidProvider implements MethodProvider {
    @Override
    public List<String> names() {
        return List.of("caid");
    }

    @Override
    public String description(String name) {
        return "CAiD: MoCo-v2 instance discrimination plus restoration of distorted views by a U-Net";
    }

    @Override
    public Class<? extends Record> configType() {
        return CaidConfig.class;
    }

    @Override
    public Record defaults(String name) {
        return CaidConfig.paper();
    }

    @Override
    public SslMethod create(String name, Record config) {
        return new Caid(name, (CaidConfig) config);
    }

    @Override
    public String tableRow(String name) {
        return "CAiD";
    }
}
