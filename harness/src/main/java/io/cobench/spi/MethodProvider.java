package io.cobench.spi;

import java.util.List;

/**
 * Makes a method known to the harness. Registered in
 * {@code META-INF/services/io.cobench.spi.MethodProvider}; no central switch is edited.
 */
public interface MethodProvider {

    /** Registry keys this provider answers to: a method and its presets ({@code coboom}, {@code coboom-nodec}). */
    List<String> names();

    /** One line for {@code cobench methods}. */
    String description(String name);

    /** The config record the YAML {@code params:} section binds to. */
    Class<? extends Record> configType();

    /** The preset's defaults; YAML values override them field by field. */
    Record defaults(String name);

    /** Makes the method; {@code config} is of {@link #configType()}. */
    SslMethod create(String name, Record config);

    /** The table row this method fills ("BYOL", "Ours w/Dec."), or null if none. */
    default String tableRow(String name) {
        return null;
    }
}
