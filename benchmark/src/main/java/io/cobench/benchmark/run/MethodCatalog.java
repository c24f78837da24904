package io.cobench.benchmark.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.cobench.benchmark.grid.GridConfig;
import io.cobench.spi.MethodRegistry;
import java.util.List;
import java.util.Map;

/**
 * Which grid methods this build can run, and their table rows. The supervised baseline is the
 * benchmark's own (a random-init encoder needs no method); every other key must be registered
 * through the method SPI. Rows of the paper's tables whose method is not registered are reported,
 * never filled with made-up numbers.
 */
public final class MethodCatalog {
    /** The paper's table rows by registry key, for methods whose provider names no row. */
    static final Map<String, String> PAPER_ROWS = Map.ofEntries(
            Map.entry(GridConfig.SUPERVISED, "Sup."), Map.entry("simclr", "SimCLR"), Map.entry("byol", "BYOL"),
            Map.entry("swav", "SwAV"), Map.entry("vicreg", "VICReg"), Map.entry("caid", "CAiD"),
            Map.entry("pcrlv2", "PCRLv2"), Map.entry("dira", "DiRA"), Map.entry("coboom-nodec", "Ours w/o Dec."),
            Map.entry("coboom", "Ours w/Dec."), Map.entry("coboom-nodf", "Ours w/o DF."));

    private final MethodRegistry registry;
    private final List<String> registered;

    public MethodCatalog(MethodRegistry registry) {
        this.registry = registry;
        this.registered = registry.names();
    }

    public static MethodCatalog load() {
        return new MethodCatalog(MethodRegistry.load());
    }

    public MethodRegistry registry() {
        return registry;
    }

    public boolean available(String method) {
        return method.equals(GridConfig.SUPERVISED) || registered.contains(method);
    }

    /** Whether the method's encoder comes from a pretraining run. */
    public static boolean pretrained(String method) {
        return !method.equals(GridConfig.SUPERVISED);
    }

    /** The row label in the tables: the provider's, else the paper's, else the key itself. */
    public String row(String method) {
        if (registered.contains(method)) {
            String r = registry.provider(method).tableRow(method);
            if (r != null) {
                return r;
            }
        }
        return PAPER_ROWS.getOrDefault(method, method);
    }

    /** The method's fully resolved config (preset defaults plus the grid's overrides), for hashing. */
    public Object resolvedConfig(String method, JsonNode params) {
        if (!pretrained(method)) {
            return Map.of();
        }
        return registry.resolveConfig(method, params);
    }

    /** The one-line explanation printed for a grid method this build lacks. */
    public String missingMessage(String method) {
        return "method '" + method + "' (" + row(method) + ") is not registered in this build: no MethodProvider on "
                + "the class path answers to it (registered: " + (registered.isEmpty() ? "none" : String.join(", ",
                registered)) + "); its cells are skipped and its table row stays empty";
    }
}
