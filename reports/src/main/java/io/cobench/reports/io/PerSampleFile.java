package io.cobench.reports.io;

import io.cobench.cli.UserError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A per-sample metric file with two columns, an id and a value (per_image.csv holds
 * {@code id,dice}). Values keep the file's order.
 *
 * @param file   source, for messages
 * @param values value per id, in file order
 */
public record PerSampleFile(Path file, Map<String, Double> values) {

    public static PerSampleFile read(Path file) {
        CsvRows t = CsvRows.read(file);
        if (t.header().size() != 2) {
            throw new UserError(file + ": expected two columns (id,value), header is " + t.header());
        }
        Map<String, Double> v = new LinkedHashMap<>();
        for (CsvRows.Row row : t.rows()) {
            String id = row.get(0);
            if (id.isEmpty()) {
                throw new UserError(file + ":" + row.line() + ": empty sample id");
            }
            if (v.put(id, t.number(row, 1)) != null) {
                throw new UserError(file + ":" + row.line() + ": sample id '" + id + "' appears twice");
            }
        }
        if (v.isEmpty()) {
            throw new UserError(file + ": no data rows");
        }
        return new PerSampleFile(file, v);
    }

    /**
     * Values of two files paired by id: [0] from this file, [1] from the other, in this file's
     * order. The id sets must be equal.
     */
    public double[][] pairWith(PerSampleFile other) {
        List<String> onlyHere = new ArrayList<>();
        for (String id : values.keySet()) {
            if (!other.values.containsKey(id)) {
                onlyHere.add(id);
            }
        }
        List<String> onlyThere = new ArrayList<>();
        for (String id : other.values.keySet()) {
            if (!values.containsKey(id)) {
                onlyThere.add(id);
            }
        }
        if (!onlyHere.isEmpty() || !onlyThere.isEmpty()) {
            StringBuilder msg = new StringBuilder("ids differ between ").append(file).append(" and ")
                    .append(other.file).append(':');
            if (!onlyHere.isEmpty()) {
                msg.append(' ').append(onlyHere.size()).append(" only in ").append(file.getFileName())
                        .append(", first ").append(LabelledScores.first(onlyHere)).append(';');
            }
            if (!onlyThere.isEmpty()) {
                msg.append(' ').append(onlyThere.size()).append(" only in ").append(other.file.getFileName())
                        .append(", first ").append(LabelledScores.first(onlyThere)).append(';');
            }
            msg.setLength(msg.length() - 1);
            throw new UserError(msg.toString());
        }
        double[][] out = new double[2][values.size()];
        int i = 0;
        for (Map.Entry<String, Double> e : values.entrySet()) {
            out[0][i] = e.getValue();
            out[1][i] = other.values.get(e.getKey());
            i++;
        }
        return out;
    }
}
