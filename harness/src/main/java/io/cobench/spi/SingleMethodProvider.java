package io.cobench.spi;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * A provider for a method with one registry key and one preset: a subclass only passes the
 * facts to this constructor, e.g.
 * {@code super("byol", "BYOL", "...", ByolConfig.class, ByolConfig::paper, Byol::new)}.
 *
 * @param <C> the method's config record
 */
public abstract class SingleMethodProvider<C extends Record> implements MethodProvider {
    private final String name;
    private final String row;
    private final String description;
    private final Class<C> configType;
    private final Supplier<C> defaults;
    private final BiFunction<String, C, SslMethod> factory;

    protected SingleMethodProvider(String name, String row, String description, Class<C> configType,
                                   Supplier<C> defaults, BiFunction<String, C, SslMethod> factory) {
        this.name = name;
        this.row = row;
        this.description = description;
        this.configType = configType;
        this.defaults = defaults;
        this.factory = factory;
    }

    @Override
    public final List<String> names() {
        return List.of(name);
    }

    @Override
    public final String description(String n) {
        return description;
    }

    @Override
    public final Class<? extends Record> configType() {
        return configType;
    }

    @Override
    public final Record defaults(String n) {
        return defaults.get();
    }

    @Override
    public final SslMethod create(String n, Record config) {
        return factory.apply(n, configType.cast(config));
    }

    @Override
    public final String tableRow(String n) {
        return row;
    }
}
