package io.cobench.spi;

/**
 * The part every method shares: the preset name it was made from and its config record. A new
 * baseline extends this and writes only its graph.
 *
 * @param <C> the method's config record
 */
public abstract class ConfiguredMethod<C extends Record> implements SslMethod {
    private final String name;
    protected final C cfg;

    protected ConfiguredMethod(String name, C cfg) {
        this.name = name;
        this.cfg = cfg;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final C config() {
        return cfg;
    }
}
