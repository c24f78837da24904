package io.cobench.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cobench.cli.UserError;
import io.cobench.io.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The methods found on the class path, by registry key. */
public final class MethodRegistry {
    private final TreeMap<String, MethodProvider> byName = new TreeMap<>();

    private MethodRegistry() {
    }

    public static MethodRegistry load() {
        MethodRegistry r = new MethodRegistry();
        for (MethodProvider p : ServiceLoader.load(MethodProvider.class)) {
            for (String n : p.names()) {
                MethodProvider old = r.byName.put(n, p);
                if (old != null) {
                    throw new IllegalStateException("method name '" + n + "' registered twice: "
                            + old.getClass().getName() + " and " + p.getClass().getName());
                }
            }
        }
        return r;
    }

    public List<String> names() {
        return new ArrayList<>(byName.keySet());
    }

    public MethodProvider provider(String name) {
        MethodProvider p = byName.get(name);
        if (p == null) {
            throw new UserError("unknown method '" + name + "'; available: " + String.join(", ", byName.keySet()));
        }
        return p;
    }

    /** The preset's defaults overridden by {@code params} (may be null), validated by the record's constructor. */
    public Record resolveConfig(String name, JsonNode params) {
        MethodProvider p = provider(name);
        Record defaults = p.defaults(name);
        if (params == null || params.isNull() || params.isEmpty()) {
            return defaults;
        }
        ObjectNode merged = Json.JSON.valueToTree(defaults);
        merge(merged, params, name);
        try {
            // Absent params come from the preset (merged above), but a null or a fraction for an integer is refused.
            return Json.strictReader(p.configType())
                    .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                    .readValue(merged);
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            throw new UserError("method '" + name + "': invalid " + Json.describe("params", e));
        } catch (java.io.IOException | IllegalArgumentException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new UserError("method '" + name + "': invalid params: " + root.getMessage());
        }
    }

    public SslMethod create(String name, JsonNode params) {
        return provider(name).create(name, resolveConfig(name, params));
    }

    private static void merge(ObjectNode base, JsonNode over, String path) {
        over.fields().forEachRemaining(e -> {
            if (!base.has(e.getKey())) {
                List<String> known = new ArrayList<>();
                base.fieldNames().forEachRemaining(known::add);
                throw new UserError("method '" + path + "': unknown parameter '" + e.getKey() + "'; known: " + known);
            }
            JsonNode b = base.get(e.getKey());
            if (b instanceof ObjectNode bo && e.getValue().isObject()) {
                merge(bo, e.getValue(), path + "." + e.getKey());
            } else {
                base.set(e.getKey(), e.getValue());
            }
        });
    }
}
