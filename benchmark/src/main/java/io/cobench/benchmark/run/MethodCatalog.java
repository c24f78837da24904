package io.cobench.benchmark.run;

import io.cobench.benchmark.grid.Controls;
import io.cobench.cli.UserError;
import io.cobench.run.RunConfig;
import io.cobench.spi.MethodRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which grid methods this build can run, how they are pretrained, and their table rows. A grid
 * method must be registered through the method SPI and have a preset file; one that declares it
 * does not pretrain (the "Sup." row) enters the protocols with a random-initialised encoder. Rows
 * of the paper's tables whose method is not registered are reported, never filled with made-up
 * numbers.
 */
public final class MethodCatalog {
    private final MethodRegistry registry;
    private final List<String> registered;
    private final Path presets;
    private final Map<String, RunConfig> loaded = new HashMap<>();
    private final Map<String, Boolean> pretrains = new HashMap<>();

    /** @param presets directory holding {@code <method>.yaml} run configs */
    public MethodCatalog(MethodRegistry registry, Path presets) {
        this.registry = registry;
        this.registered = registry.names();
        this.presets = presets;
    }

    public MethodRegistry registry() {
        return registry;
    }

    /** Registered through the SPI, or the supervised ceiling, which the benchmark trains itself. */
    public boolean available(String method) {
        return registered.contains(method) || Controls.CEILING.equals(method);
    }

    /** Whether the method's encoder comes from a pretraining run (false for "Sup."). */
    public synchronized boolean pretrained(String method) {
        if (Controls.CEILING.equals(method)) {
            return true;
        }
        return pretrains.computeIfAbsent(method, m -> registry.create(m, preset(m).params()).pretrains());
    }

    /** The method's preset run config ({@code <presets>/<method>.yaml}). */
    public synchronized RunConfig preset(String method) {
        return loaded.computeIfAbsent(method, m -> {
            Path f = presets.resolve(m + ".yaml");
            if (!Files.isRegularFile(f)) {
                throw new UserError("method '" + m + "' has no preset " + f + "; every pretrained grid method needs "
                        + "its run config there");
            }
            RunConfig rc = RunConfig.load(f);
            if (!rc.method().equals(m)) {
                throw new UserError(f + ": method '" + rc.method() + "' in the preset of '" + m + "'");
            }
            return rc;
        });
    }

    /**
     * The row label in the tables: the provider's, the one place a method's label is written (the
     * supervised ceiling, a control the benchmark trains itself, has its own in {@link Controls});
     * the key itself for a method this build lacks or whose provider names no row.
     */
    public String row(String method) {
        if (Controls.CEILING.equals(method)) {
            return Controls.CEILING_ROW;
        }
        String r = registered.contains(method) ? registry.provider(method).tableRow(method) : null;
        return r != null ? r : method;
    }

    /**
     * What decides a method's pretrained encoder apart from the grid's shared settings: the
     * preset's resolved method config and its optimiser. Empty for methods that do not pretrain.
     */
    public Map<String, Object> resolvedConfig(String method) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (!pretrained(method) || Controls.CEILING.equals(method)) {
            return m; // the ceiling's settings are the grid's eval.ceiling (CellConfig)
        }
        RunConfig rc = preset(method);
        m.put("params", registry.resolveConfig(method, rc.params()));
        m.put("optimizer", rc.train().optimizer());
        return m;
    }

    /** The one-line explanation printed for a grid method this build lacks. */
    public String missingMessage(String method) {
        return "method '" + method + "' (" + row(method) + ") is not registered in this build: no MethodProvider on "
                + "the class path answers to it (registered: " + (registered.isEmpty() ? "none" : String.join(", ",
                registered)) + "); its cells are skipped and its table row stays empty";
    }
}
