package io.cobench.reports.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.cobench.cli.UserError;
import io.cobench.io.Json;
import io.cobench.reports.store.EvalCell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether the cells of a store ran on phantom or real data, from each cell's provenance
 * ({@code config.data}: {@code "real"} or {@code {"phantom": {...}}}). A reader must know this
 * before reading a single number, so the report states it first.
 *
 * @param phantom datasets (upper case as in the tables) evaluated on phantom data
 * @param real    datasets evaluated on real data
 * @param unknown datasets whose cells carry no such record (stores written before it existed)
 */
public record DataOrigin(Set<String> phantom, Set<String> real, Set<String> unknown) {

    public static DataOrigin of(List<EvalCell> cells) {
        Set<String> phantom = new TreeSet<>();
        Set<String> real = new TreeSet<>();
        Set<String> unknown = new TreeSet<>();
        for (EvalCell c : cells) {
            String ds = c.metrics().dataset();
            JsonNode data = provenanceData(c.dir().resolve("provenance.json"));
            if (data != null && data.has("phantom")) {
                phantom.add(ds);
            } else if (data != null && "real".equals(data.asText())) {
                real.add(ds);
            } else {
                unknown.add(ds);
            }
        }
        return new DataOrigin(phantom, real, unknown);
    }

    private static JsonNode provenanceData(Path f) {
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            JsonNode d = Json.JSON.readTree(f.toFile()).path("config").path("data");
            return d.isMissingNode() || d.isNull() ? null : d;
        } catch (IOException e) {
            throw new UserError("could not read " + f + ": " + e.getMessage(), e);
        }
    }

    /** One line for the head of a table file that may travel without report.md. */
    public String headline() {
        if (!phantom.isEmpty() && real.isEmpty() && unknown.isEmpty()) {
            return "Data: PHANTOM (" + String.join(", ", phantom) + "), generated images, not real medical data; "
                    + "these numbers test the machinery, not the methods.";
        }
        if (phantom.isEmpty() && !real.isEmpty() && unknown.isEmpty()) {
            return "Data: real (" + String.join(", ", real) + ").";
        }
        return "Data: mixed or unrecorded (phantom: " + String.join(", ", phantom) + "; real: "
                + String.join(", ", real) + "; unrecorded: " + String.join(", ", unknown) + ").";
    }

    /** The report's opening statement about the data. */
    public String statement() {
        StringBuilder sb = new StringBuilder();
        if (!phantom.isEmpty() && real.isEmpty() && unknown.isEmpty()) {
            sb.append("> **Data: PHANTOM.** Every cell ran on generated phantom datasets (")
                    .append(String.join(", ", phantom)).append("), not on real medical images.");
        } else if (phantom.isEmpty() && !real.isEmpty() && unknown.isEmpty()) {
            sb.append("> **Data: real.** Every cell ran on the real datasets (").append(String.join(", ", real))
                    .append(").");
        } else {
            sb.append("> **Data: mixed or unrecorded.**");
            if (!phantom.isEmpty()) {
                sb.append(" Phantom: ").append(String.join(", ", phantom)).append('.');
            }
            if (!real.isEmpty()) {
                sb.append(" Real: ").append(String.join(", ", real)).append('.');
            }
            if (!unknown.isEmpty()) {
                sb.append(" Not recorded in the cells' provenance: ").append(String.join(", ", unknown)).append('.');
            }
        }
        if (!phantom.isEmpty()) {
            sb.append("\n> Phantom numbers show that every method trains and every protocol, table, test and figure "
                    + "is produced end to end. They cannot show which method learns better medical representations: "
                    + "phantom images carry simple synthetic findings, and at demo scale the differences are mostly "
                    + "noise. The Controls section, where present, says whether these numbers separate "
                    + "representations at all (docs/cpu-study.md).");
        }
        return sb.append("\n\n").toString();
    }
}
