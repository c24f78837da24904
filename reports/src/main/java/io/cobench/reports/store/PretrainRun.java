package io.cobench.reports.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.cobench.cli.UserError;
import io.cobench.io.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A finished pretraining run directory.
 *
 * @param id  run id (directory name)
 * @param dir STORE/pretrain/&lt;run-id&gt;
 */
public record PretrainRun(String id, Path dir) {

    public Path metricsLog() {
        return dir.resolve("metrics.jsonl");
    }

    /**
     * The logged codebook statistics: lines carrying "code_usage", "perplexity" and "step".
     * Other lines (losses, learning rates) are not about the codebook and are passed over; a
     * line that is not JSON, or has a codebook field without the others, is an error.
     */
    public List<CodebookPoint> codebook() {
        Path log = metricsLog();
        List<String> lines = logLines(log);
        List<CodebookPoint> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            JsonNode n;
            try {
                n = Json.JSON.readTree(line);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UserError(log + ":" + (i + 1) + ": not a JSON object: " + e.getOriginalMessage());
            }
            if (!n.isObject()) {
                throw new UserError(log + ":" + (i + 1) + ": not a JSON object: " + line);
            }
            boolean usage = n.hasNonNull("code_usage");
            boolean perplexity = n.hasNonNull("perplexity");
            if (!usage && !perplexity) {
                continue;
            }
            if (!usage || !perplexity || !n.hasNonNull("step")) {
                throw new UserError(log + ":" + (i + 1)
                        + ": a codebook line needs all of step, code_usage and perplexity");
            }
            for (String f : List.of("step", "code_usage", "perplexity")) {
                if (!n.get(f).isNumber()) {
                    throw new UserError(log + ":" + (i + 1) + ": field '" + f + "' must be a number, found " + n.get(f));
                }
            }
            out.add(new CodebookPoint(n.get("step").asLong(), n.get("code_usage").asDouble(),
                    n.get("perplexity").asDouble()));
        }
        return out;
    }

    /**
     * Every line of metrics.jsonl as field to number, in file order (fields that are not numbers
     * are passed over). Each line needs a numeric "step".
     */
    public List<java.util.Map<String, Double>> metrics() {
        Path log = metricsLog();
        List<String> lines = logLines(log);
        List<java.util.Map<String, Double>> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode n;
            try {
                n = Json.JSON.readTree(lines.get(i));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UserError(log + ":" + (i + 1) + ": not a JSON object: " + e.getOriginalMessage());
            }
            if (!n.isObject() || !n.path("step").isNumber()) {
                throw new UserError(log + ":" + (i + 1) + ": a metrics line needs a numeric step");
            }
            java.util.Map<String, Double> m = new java.util.LinkedHashMap<>();
            n.fields().forEachRemaining(e -> {
                if (e.getValue().isNumber()) {
                    m.put(e.getKey(), e.getValue().asDouble());
                }
            });
            out.add(m);
        }
        return out;
    }

    /** The lines of {@code log}; none when the run has no log yet. */
    private static List<String> logLines(Path log) {
        if (!Files.isRegularFile(log)) {
            return List.of();
        }
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("could not read " + log + ": " + e.getMessage(), e);
        }
    }
}
