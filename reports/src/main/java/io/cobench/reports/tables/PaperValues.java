package io.cobench.reports.tables;

import io.cobench.cli.UserError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The numbers printed in Tables 1 and 2 of the CoBooM paper (MICCAI 2024), kept as text so that
 * comparisons are exact. The source is named in {@code paper-tables.SOURCE.md} next to the CSV.
 */
public final class PaperValues {
    /** Classpath location of the bundled copy. */
    public static final String RESOURCE = "/io/cobench/reports/tables/paper-tables.csv";
    static final String HEADER = "table,protocol,method,dataset,metric,label_fraction,value";

    /**
     * One printed number.
     *
     * @param table    1 or 2
     * @param protocol linear or finetune
     * @param row      row label
     * @param dataset  dataset name
     * @param metric   AUC or Dice
     * @param fraction label percentage, 100 = All
     * @param value    the number as printed, in percent
     */
    public record Entry(int table, String protocol, String row, String dataset, String metric, int fraction,
                        String value) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private PaperValues(List<Entry> list) {
        list.forEach(e -> entries.put(key(e.table(), e.row(), e.dataset(), e.fraction()), e));
    }

    private static String key(int table, String row, String dataset, int fraction) {
        return table + "|" + row + "|" + dataset + "|" + fraction;
    }

    /** The bundled copy. */
    public static PaperValues load() {
        try (InputStream in = PaperValues.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new IllegalStateException("could not read " + RESOURCE, e);
        }
    }

    public static PaperValues read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UserError("could not read " + file + ": " + e.getMessage(), e);
        }
    }

    static PaperValues parse(String text, String source) {
        String[] lines = text.split("\\R");
        if (lines.length == 0 || !lines[0].trim().equals(HEADER)) {
            throw new UserError(source + ": expected header '" + HEADER + "'");
        }
        List<Entry> list = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] f = lines[i].split(",", -1);
            if (f.length != 7) {
                throw new UserError(source + ":" + (i + 1) + ": expected 7 fields, found " + f.length);
            }
            try {
                list.add(new Entry(Integer.parseInt(f[0]), f[1], f[2], f[3], f[4], Integer.parseInt(f[5]), f[6]));
            } catch (NumberFormatException e) {
                throw new UserError(source + ":" + (i + 1) + ": table and label_fraction must be integers");
            }
        }
        return new PaperValues(list);
    }

    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    public Optional<Entry> value(int table, String row, Column c) {
        return Optional.ofNullable(entries.get(key(table, row, c.dataset(), c.fraction())));
    }
}
