package io.cobench.reports.io;

import io.cobench.cli.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A comma-separated file read as text: a header and rows that keep their line numbers, so that
 * later checks can point at the exact line. Fields are trimmed; double quotes may enclose a
 * field that holds commas ("" inside is one quote). Blank lines are skipped.
 *
 * @param file   where it came from, for messages
 * @param header column names
 * @param rows   data rows, each as long as the header
 */
public record CsvRows(Path file, List<String> header, List<Row> rows) {

    /** One data row and its 1-based line number in the file. */
    public record Row(int line, List<String> fields) {
        public String get(int i) {
            return fields.get(i);
        }
    }

    public static CsvRows read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserError("file not found: " + file);
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("could not read " + file + ": " + e.getMessage(), e);
        }
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = split(line, file, i + 1);
            if (header == null) {
                header = fields;
            } else if (fields.size() != header.size()) {
                throw new UserError(file + ":" + (i + 1) + ": expected " + header.size()
                        + " fields as in the header, found " + fields.size());
            } else {
                rows.add(new Row(i + 1, fields));
            }
        }
        if (header == null) {
            throw new UserError(file + ": empty file, expected a header line");
        }
        return new CsvRows(file, List.copyOf(header), List.copyOf(rows));
    }

    static List<String> split(String line, Path file, int lineNo) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"' && cur.toString().isBlank()) {
                quoted = true;
                cur.setLength(0);
            } else if (ch == ',') {
                out.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        if (quoted) {
            throw new UserError(file + ":" + lineNo + ": unterminated quoted field");
        }
        out.add(cur.toString().trim());
        return out;
    }

    /** Parses a finite number or fails naming the file, line and column. */
    public double number(Row row, int column) {
        String text = row.get(column);
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserError(file + ":" + row.line() + ": column '" + header.get(column) + "' holds '"
                + text + "', expected a finite number");
    }
}
