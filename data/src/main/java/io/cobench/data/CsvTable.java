package io.cobench.data;

import io.cobench.cli.UserError;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A comma-separated file read whole, with every row's line number kept so that errors can name
 * it. Quotes follow RFC 4180 (ODIR's {@code target} column needs them). Trailing empty fields are
 * tolerated on the header and on rows because the real files disagree on trailing commas (NIH's
 * older {@code Data_Entry_2017.csv}, {@code BBox_List_2017.csv}); any other difference between a
 * row's field count and the header's is an error.
 */
public final class CsvTable {

    /** One data row: its 1-based line number in the file and its fields. */
    public record Row(int line, List<String> fields) {
    }

    private final Path file;
    private final List<String> header;
    private final List<Row> rows;

    private CsvTable(Path file, List<String> header, List<Row> rows) {
        this.file = file;
        this.header = header;
        this.rows = rows;
    }

    /**
     * Reads {@code file}. With {@code trim}, header names and values lose surrounding spaces
     * (SIIM's {@code ImageId, EncodedPixels} needs it). Blank lines are skipped.
     */
    public static CsvTable read(Path file, boolean trim) {
        List<Row> raw = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            parse(file, in, trim, raw);
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": file not found");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new UserError(file + ": not UTF-8 text (is it a spreadsheet or a zip?)");
        } catch (IOException e) {
            throw new UserError(file + ": cannot read: " + e.getMessage(), e);
        }
        if (raw.isEmpty()) {
            throw new UserError(file + ": empty file, expected a header line");
        }
        List<String> header = stripTrailingEmpty(raw.get(0).fields(), 0);
        List<Row> rows = new ArrayList<>(raw.size() - 1);
        for (Row r : raw.subList(1, raw.size())) {
            List<String> f = stripTrailingEmpty(r.fields(), header.size());
            if (f.size() != header.size()) {
                throw new UserError(file + ":" + r.line() + ": expected " + header.size()
                        + " fields as in the header, found " + f.size());
            }
            rows.add(new Row(r.line(), f));
        }
        return new CsvTable(file, Collections.unmodifiableList(header), Collections.unmodifiableList(rows));
    }

    private static List<String> stripTrailingEmpty(List<String> fields, int keep) {
        int n = fields.size();
        while (n > keep && n > 1 && fields.get(n - 1).isEmpty()) {
            n--;
        }
        return n == fields.size() ? fields : new ArrayList<>(fields.subList(0, n));
    }

    private static void parse(Path file, BufferedReader in, boolean trim, List<Row> out) throws IOException {
        StringBuilder field = new StringBuilder();
        List<String> fields = new ArrayList<>();
        boolean quoted = false;
        boolean first = true;
        int lineNo = 0;
        int rowStart = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (first && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            first = false;
            if (!quoted) {
                if (line.isBlank()) {
                    continue;
                }
                rowStart = lineNo;
                if (line.indexOf('"') < 0) {
                    out.add(new Row(rowStart, splitPlain(line, trim)));
                    continue;
                }
            } else {
                field.append('\n');
            }
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        field.append(c);
                    }
                } else if (c == ',') {
                    fields.add(finish(field, trim));
                } else if (c == '"' && field.toString().isBlank()) {
                    field.setLength(0);
                    quoted = true;
                } else if (c == '"') {
                    throw new UserError(file + ":" + lineNo + ": stray quote inside an unquoted field");
                } else {
                    field.append(c);
                }
            }
            if (!quoted) {
                fields.add(finish(field, trim));
                out.add(new Row(rowStart, fields));
                fields = new ArrayList<>();
            }
        }
        if (quoted) {
            throw new UserError(file + ":" + rowStart + ": quoted field is never closed");
        }
    }

    /** The common case, a line without quotes: plain splitting at commas. */
    private static List<String> splitPlain(String line, boolean trim) {
        List<String> fields = new ArrayList<>(16);
        int from = 0;
        while (true) {
            int comma = line.indexOf(',', from);
            String f = comma < 0 ? line.substring(from) : line.substring(from, comma);
            fields.add(trim ? f.strip() : f);
            if (comma < 0) {
                return fields;
            }
            from = comma + 1;
        }
    }

    private static String finish(StringBuilder field, boolean trim) {
        String s = field.toString();
        field.setLength(0);
        return trim ? s.strip() : s;
    }

    public Path file() {
        return file;
    }

    public List<String> header() {
        return header;
    }

    public List<Row> rows() {
        return rows;
    }

    /**
     * Index of the first of {@code names} present in the header; an error naming the column and
     * the columns found when none is.
     */
    public int column(String... names) {
        for (String n : names) {
            int i = header.indexOf(n);
            if (i >= 0) {
                return i;
            }
        }
        throw new UserError(file + ": missing column '" + String.join("' or '", names)
                + "'; columns found: " + header);
    }

    /** Where a row's problem lies, for messages: {@code file:line}. */
    public String where(Row row) {
        return file + ":" + row.line();
    }
}
