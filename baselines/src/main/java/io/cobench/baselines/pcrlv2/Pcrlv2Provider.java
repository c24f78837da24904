package io.cobench.baselines.pcrlv2;

import io.cobench.spi.MethodProvider;
import io.cobench.spi.SslMethod;
import java.util.List;

/** Registers PCRLv2 under the key {@code pcrlv2}. */
public final class Pcrlv2Provider implements MethodProvider {
    @Override
    public List<String> names() {
        return List.of("pcrlv2");
    }

    @Override
    public String description(String name) {
        return "PCRLv2: multi-level consistency of global and local views plus pixel restoration, U-Net without skips";
    }

    @Override
    public Class<? extends Record> configType() {
        return Pcrlv2Config.class;
    }

    @Override
    public Record defaults(String name) {
        return Pcrlv2Config.paper();
    }

    @Override
    public SslMethod create(String name, Record config) {
        return new Pcrlv2(name, (Pcrlv2Config) config);
    }

    @Override
    public String tableRow(String name) {
        return "PCRLv2";
    }
}
