package io.cobench.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cobench.cli.UserError;
import io.cobench.graph.ResNetConfig;
import io.cobench.io.ComposedYaml;
import io.cobench.io.Json;
import io.cobench.train.TrainConfig;
import java.nio.file.Path;
import java.util.Map;

/**
 * A pretraining run as a YAML file says it:
 * <pre>
 * method: byol            # registry key (equals a YAML file name under configs/)
 * params: {...}           # overrides of the preset's defaults (the method's config record)
 * encoder: {depth: 18, width: 8, channels: 1, imageSize: 32}
 * train: {epochs: 5, maxSteps: 0, batchSize: 32, seed: 0, optimizer: {...},
 *         checkpointEvery: 50, logEvery: 1, gcEvery: 1}
 * data: {dataset: nih, roots: {}, limit: 0, workers: 2}   # roots: {nih: DIR} for real data
 *                         # cropScaleMin: 0.4 (optional) narrows the two-view pipeline's crops
 * </pre>
 * A file may start with {@code extends: base.yaml} and write only what differs from that base
 * ({@link ComposedYaml}); the shipped presets extend {@code configs/base/<scale>.yaml}.
 * Every section is required and every field too (no defaults applied deep inside), except
 * {@code params}, whose absent fields take the preset's defaults. A required field that is
 * missing, a null for a number or flag, a fraction for an integer ({@code epochs: 2.9}) and a key
 * given twice are errors naming the file and the field. {@code data.roots} is {@code {}} for the
 * phantom data; the deprecated {@code data.root} is the one field that may be left out.
 */
public record RunConfig(String method, JsonNode params, ResNetConfig encoder, TrainConfig train, DataConfig data) {

    /** Reads {@code file}, resolving {@code extends:} ({@link ComposedYaml}), and checks every field. */
    public static RunConfig load(Path file) {
        return parse(ComposedYaml.read(file), file.toString());
    }

    public static RunConfig parse(JsonNode root, String source) {
        if (root == null || !root.isObject()) {
            throw new UserError(source + ": expected a YAML mapping with method, encoder, train and data");
        }
        for (String key : new String[] {"method", "encoder", "train", "data"}) {
            if (!root.has(key)) {
                throw new UserError(source + ": missing section '" + key + "'");
            }
        }
        root.fieldNames().forEachRemaining(k -> {
            if (!java.util.Set.of("method", "params", "encoder", "train", "data").contains(k)) {
                throw new UserError(source + ": unknown section '" + k + "' (known: method, params, encoder, train, data)");
            }
        });
        JsonNode method = root.get("method");
        if (!method.isTextual() || method.asText().isBlank()) {
            throw new UserError(source + ": method: expected a registry key (see `cobench methods`), got " + method);
        }
        return new RunConfig(method.asText(), root.has("params") ? root.get("params") : null,
                section(root, "encoder", ResNetConfig.class, source),
                section(root, "train", TrainConfig.class, source),
                section(withOptionalDataFields(root), "data", DataConfig.class, source));
    }

    /**
     * {@code data.root} is the deprecated spelling of {@code data.roots.<dataset>}: a config may
     * omit it, and a config that still uses it may omit {@code roots}. {@code data.cropScaleMin}
     * came later than the stored configs of earlier runs, so leaving it out means the official
     * pipeline. Every other data field, {@code roots} included ({@code {}} for the phantom data),
     * must be written.
     */
    private static JsonNode withOptionalDataFields(JsonNode root) {
        JsonNode data = root.get("data");
        if (!(data instanceof ObjectNode d)) {
            return root;
        }
        ObjectNode copy = ((ObjectNode) root).deepCopy();
        ObjectNode dc = (ObjectNode) copy.get("data");
        if (!d.has("cropScaleMin")) {
            dc.putNull("cropScaleMin");
        }
        if (!d.has("root")) {
            dc.putNull("root");
        } else if (!d.has("roots")) {
            dc.putObject("roots");
        }
        return copy;
    }

    private static <T> T section(JsonNode root, String name, Class<T> type, String source) {
        JsonNode n = root.get(name);
        if (!n.isObject()) {
            throw new UserError(source + ": " + name + ": expected a mapping of fields, got " + n);
        }
        try {
            return Json.strictReader(type).readValue(n);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // A record constructor's own check arrives wrapped; its message is already a sentence.
            Throwable r = e;
            while (r.getCause() != null) {
                r = r.getCause();
            }
            if (r instanceof IllegalArgumentException) {
                throw new UserError(source + ": " + r.getMessage());
            }
            throw new UserError(source + ": " + Json.describe(name, e));
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new UserError(source + ": " + name + ": " + e.getMessage());
        }
    }

    /** The resolved config (method params with the preset's defaults filled in) as a plain map. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> resolved(Record methodConfig) {
        ObjectNode n = Json.JSON.createObjectNode();
        n.put("method", method);
        n.set("params", Json.JSON.valueToTree(methodConfig));
        n.set("encoder", Json.JSON.valueToTree(encoder));
        n.set("train", Json.JSON.valueToTree(train));
        n.set("data", Json.JSON.valueToTree(data));
        return Json.JSON.convertValue(n, Map.class);
    }
}
