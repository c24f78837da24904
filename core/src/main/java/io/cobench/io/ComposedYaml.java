package io.cobench.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cobench.cli.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * YAML files that build on another: {@code extends: base.yaml} (relative to the file) takes every
 * key of the base and lets the file override what differs. Mappings merge key by key, at any depth;
 * anything else (a number, a string, a list) replaces the base's value whole. A base may extend
 * another; a cycle is an error. This is how presets hold only what sets a method apart from its
 * scale's base, and variants only what sets them apart from their parent.
 */
public final class ComposedYaml {
    /** The key naming the base file. */
    public static final String EXTENDS = "extends";

    private ComposedYaml() {
    }

    /**
     * The mapping in {@code file} with its {@code extends} chain resolved and the key removed.
     * Syntax errors and duplicate keys name the file and line where they are.
     */
    public static ObjectNode read(Path file) {
        return read(file, new ArrayList<>());
    }

    private static ObjectNode read(Path file, List<Path> chain) {
        Path abs = file.toAbsolutePath().normalize();
        if (chain.contains(abs)) {
            List<String> names = new ArrayList<>();
            chain.forEach(p -> names.add(p.getFileName().toString()));
            names.add(abs.getFileName().toString());
            throw new UserError(chain.get(0) + ": extends forms a cycle: " + String.join(" -> ", names));
        }
        chain.add(abs);
        if (!Files.isRegularFile(file)) {
            throw new UserError(chain.size() == 1 ? "config file not found: " + file
                    : chain.get(chain.size() - 2) + ": extends '" + file + "', which does not exist");
        }
        JsonNode root;
        try {
            root = Json.YAML.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new UserError(file + (at != null && at.getLineNr() > 0 ? ":" + at.getLineNr() : "") + ": "
                    + e.getOriginalMessage().split("\n", 2)[0]);
        } catch (IOException e) {
            throw new UserError("cannot read " + file + ": " + e.getMessage());
        }
        if (!(root instanceof ObjectNode obj)) {
            throw new UserError(file + ": expected a YAML mapping");
        }
        JsonNode parent = obj.remove(EXTENDS);
        if (parent == null) {
            return obj;
        }
        if (!parent.isTextual() || parent.asText().isBlank()) {
            throw new UserError(file + ": extends: expected the path of a YAML file, got " + parent);
        }
        ObjectNode base = read(abs.getParent().resolve(parent.asText()), chain);
        merge(base, obj);
        return base;
    }

    /** Writes {@code over} into {@code base}: mappings merge, other values replace. */
    static void merge(ObjectNode base, ObjectNode over) {
        over.fields().forEachRemaining(e -> {
            JsonNode b = base.get(e.getKey());
            if (b instanceof ObjectNode bo && e.getValue() instanceof ObjectNode oo) {
                merge(bo, oo);
            } else {
                base.set(e.getKey(), e.getValue());
            }
        });
    }
}
