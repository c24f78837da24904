package io.cobench.benchmark.store;

import io.cobench.io.AtomicFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * predictions.csv / labels.csv ({@code id,<one column per class>}) and per_image.csv. Floats are
 * written with Java's shortest round-tripping form, so a metric recomputed from the file sees
 * the very numbers the cell scored.
 */
public final class PredictionFiles {
    private PredictionFiles() {
    }

    /** A table of one row per image: ids and float columns. */
    public record Table(List<String> columns, List<String> ids, float[][] values) {
        public Table {
            if (ids.size() != values.length) {
                throw new IllegalArgumentException(ids.size() + " ids but " + values.length + " rows");
            }
            for (float[] row : values) {
                if (row.length != columns.size()) {
                    throw new IllegalArgumentException("row of " + row.length + " values for " + columns.size()
                            + " columns");
                }
            }
        }

        /** Column {@code c} as an array. */
        public float[] column(int c) {
            float[] out = new float[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = values[i][c];
            }
            return out;
        }
    }

    public static void write(Path file, Table t) {
        StringBuilder sb = new StringBuilder(64 + t.ids().size() * (12 + 12 * t.columns().size()));
        sb.append("id");
        for (String c : t.columns()) {
            sb.append(',').append(quote(c));
        }
        sb.append('\n');
        for (int i = 0; i < t.ids().size(); i++) {
            sb.append(quote(t.ids().get(i)));
            for (float v : t.values()[i]) {
                sb.append(',').append(v);
            }
            sb.append('\n');
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    /** Reads a file written by {@link #write}; the CSV parsing is the reports module's. */
    public static Table read(Path file) {
        io.cobench.reports.io.CsvRows csv = io.cobench.reports.io.CsvRows.read(file);
        List<String> header = csv.header();
        if (!header.get(0).equals("id")) {
            throw new IllegalArgumentException(file + ": first column must be 'id', got '" + header.get(0) + "'");
        }
        List<String> ids = new ArrayList<>();
        float[][] values = new float[csv.rows().size()][];
        for (int r = 0; r < values.length; r++) {
            io.cobench.reports.io.CsvRows.Row row = csv.rows().get(r);
            List<String> f = row.fields();
            if (f.size() != header.size()) {
                throw new IllegalArgumentException(file + " line " + row.line() + ": " + f.size() + " fields, header has "
                        + header.size());
            }
            ids.add(f.get(0));
            values[r] = new float[f.size() - 1];
            for (int c = 1; c < f.size(); c++) {
                try {
                    values[r][c - 1] = Float.parseFloat(f.get(c));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + " line " + row.line() + ": '" + f.get(c)
                            + "' is not a number");
                }
            }
        }
        return new Table(header.subList(1, header.size()), ids, values);
    }

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
