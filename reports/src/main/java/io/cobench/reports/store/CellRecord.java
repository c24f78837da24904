package io.cobench.reports.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.cobench.cli.UserError;
import io.cobench.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The metrics.json of one evaluation cell (one method, protocol, dataset, label fraction, seed).
 * Field meanings are those of the store contract; unknown fields are tolerated so that the
 * benchmark may add some.
 *
 * @param cell          cell id, equal to its directory name
 * @param method        registry key of the method preset
 * @param row           table row label
 * @param protocol      linear or finetune
 * @param dataset       NIH, SIIM, MuReD or ODIR
 * @param labelFraction percent of labelled training data (100 = All)
 * @param seed          evaluation seed
 * @param metric        AUC or Dice
 * @param value         headline number in [0, 1]
 * @param classes       column order of predictions.csv (classification), else empty
 * @param aucPerClass   AUC per class, null values where undefined
 * @param aucMean14     NIH only: mean over the 14 findings, else null
 * @param selection     val or test-parity
 * @param configHash    hash of the resolved configs
 * @param pretrainRun   pretrain/ run used, or null
 * @param featureRank   linear probing: effective rank of the encoder's test features, or null
 *                      (other protocols, and cells stored before it was recorded)
 */
public record CellRecord(String cell, String method, String row, String protocol, String dataset,
                          int labelFraction, int seed, String metric, double value, List<String> classes,
                          Map<String, Double> aucPerClass, Double aucMean14, String selection,
                          String configHash, String pretrainRun, Double featureRank) {

    public static final Set<String> PROTOCOLS = Set.of("linear", "finetune");
    public static final Set<String> METRICS = Set.of("AUC", "Dice");
    public static final Set<String> SELECTIONS = Set.of("val", "test-parity");

    public boolean testParity() {
        return "test-parity".equals(selection);
    }

    /** Reads and validates one metrics.json; every defect names the file and the field. */
    public static CellRecord read(Path file) {
        JsonNode n;
        try {
            n = Json.JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UserError("could not read " + file + ": " + e.getMessage(), e);
        }
        if (n == null || !n.isObject()) {
            throw new UserError(file + ": expected a JSON object");
        }
        Fields f = new Fields(file, n);
        String protocol = f.text("protocol");
        if (!PROTOCOLS.contains(protocol)) {
            throw new UserError(file + ": protocol '" + protocol + "' is not one of " + PROTOCOLS);
        }
        String metric = f.text("metric");
        if (!METRICS.contains(metric)) {
            throw new UserError(file + ": metric '" + metric + "' is not one of " + METRICS);
        }
        String selection = f.text("selection");
        if (!SELECTIONS.contains(selection)) {
            throw new UserError(file + ": selection '" + selection + "' is not one of " + SELECTIONS);
        }
        double value = f.number("value");
        if (value < 0 || value > 1) {
            throw new UserError(file + ": value " + value + " is outside [0, 1]");
        }
        int fraction = f.integer("label_fraction");
        if (fraction < 1 || fraction > 100) {
            throw new UserError(file + ": label_fraction " + fraction + " is outside 1..100");
        }
        List<String> classes = new ArrayList<>();
        JsonNode cl = n.get("classes");
        if (cl != null && cl.isArray()) {
            cl.forEach(c -> classes.add(c.asText()));
        }
        Map<String, Double> perClass = new LinkedHashMap<>();
        JsonNode pc = n.get("auc_per_class");
        if (pc != null && pc.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = pc.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                perClass.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asDouble());
            }
        }
        JsonNode m14 = n.get("auc_mean_14");
        Double mean14 = m14 == null || m14.isNull() ? null : m14.asDouble();
        JsonNode pr = n.get("pretrain_run");
        String pretrain = pr == null || pr.isNull() ? null : pr.asText();
        JsonNode fr = n.get("feature_rank");
        Double rank = null;
        if (fr != null && !fr.isNull()) {
            if (!fr.isNumber() || !(fr.asDouble() >= 1)) {
                throw new UserError(file + ": feature_rank must be a number of at least 1, found " + fr);
            }
            rank = fr.asDouble();
        }
        return new CellRecord(f.text("cell"), f.text("method"), f.text("row"), protocol, f.text("dataset"),
                fraction, f.integer("seed"), metric, value, List.copyOf(classes),
                Collections.unmodifiableMap(perClass), mean14, selection, f.text("config_hash"), pretrain, rank);
    }

    /** Required-field access with messages that name the file. */
    private record Fields(Path file, JsonNode node) {
        JsonNode get(String name) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                throw new UserError(file + ": required field '" + name + "' is missing");
            }
            return v;
        }

        String text(String name) {
            JsonNode v = get(name);
            if (!v.isTextual() || v.asText().isBlank()) {
                throw new UserError(file + ": field '" + name + "' must be a non-empty string, found " + v);
            }
            return v.asText();
        }

        double number(String name) {
            JsonNode v = get(name);
            if (!v.isNumber()) {
                throw new UserError(file + ": field '" + name + "' must be a number, found " + v);
            }
            return v.asDouble();
        }

        int integer(String name) {
            JsonNode v = get(name);
            if (!v.isIntegralNumber()) {
                throw new UserError(file + ": field '" + name + "' must be an integer, found " + v);
            }
            return v.asInt();
        }
    }
}
