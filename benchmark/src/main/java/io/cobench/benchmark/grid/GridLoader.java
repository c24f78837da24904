package io.cobench.benchmark.grid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cobench.cli.UserError;
import io.cobench.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a grid YAML. The {@code eval:} entry may be inline or the path of a configs/eval file
 * (relative to the grid file), so that grids share protocol settings.
 */
public final class GridLoader {
    private GridLoader() {
    }

    public static GridConfig load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserError("grid config " + file + " does not exist");
        }
        // A grid may extend another and change only what differs (a study grid from the demo).
        ObjectNode obj = io.cobench.io.ComposedYaml.read(file);
        if (!obj.has("methods")) {
            // No list: every registered method, by key. A grid lists its methods to choose them and their order.
            obj.set("methods", Json.YAML.valueToTree(io.cobench.spi.MethodRegistry.load().names()));
        }
        JsonNode eval = obj.get("eval");
        if (eval != null && eval.isTextual()) {
            obj.set("eval", readEval(file, eval.asText()));
        }
        // Presets are found next to the grid file, wherever the command runs from.
        JsonNode presets = obj.path("pretrain").path("presets");
        if (presets.isTextual()) {
            ((ObjectNode) obj.get("pretrain")).put("presets",
                    file.toAbsolutePath().getParent().resolve(presets.asText()).normalize().toString());
        }
        return bind(obj, file.toString());
    }

    /** Binds a resolved tree (as stored in provenance) back into a config. */
    public static GridConfig bind(JsonNode tree, String source) {
        try {
            return Json.YAML.treeToValue(tree, GridConfig.class);
        } catch (JsonMappingException e) {
            throw new UserError(source + ": " + describe(e));
        } catch (JsonProcessingException e) {
            throw new UserError(source + ": " + e.getOriginalMessage());
        }
    }

    private static JsonNode readEval(Path gridFile, String ref) {
        Path p = gridFile.toAbsolutePath().getParent().resolve(ref).normalize();
        if (!Files.isRegularFile(p)) {
            throw new UserError("grid config " + gridFile + ": eval file '" + ref + "' not found (looked at " + p + ")");
        }
        // An eval file may extend another and change only what differs (the study's from the demo's).
        return io.cobench.io.ComposedYaml.read(p);
    }


    private static String describe(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String msg = root == e ? e.getOriginalMessage() : root.getMessage();
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            msg = "unknown field '" + u.getPropertyName() + "'; known: " + u.getKnownPropertyIds();
        }
        return (path.length() == 0 ? "" : "at '" + path + "': ") + msg;
    }
}
