package io.cobench.reports.io;

import io.cobench.cli.UserError;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A per-sample, per-class table: the sample id in the first column, then one numeric column per
 * class (predictions.csv holds probabilities, labels.csv holds 0/1).
 *
 * @param file    source, for messages
 * @param header  full header, id column included
 * @param ids     sample ids in file order
 * @param lines   1-based line of each sample, for messages
 * @param values  [sample][class]
 */
public record ScoreFile(Path file, List<String> header, List<String> ids, int[] lines, double[][] values) {

    /** Class names: the header without its id column. */
    public List<String> classes() {
        return header.subList(1, header.size());
    }

    public static ScoreFile read(Path file) {
        CsvRows t = CsvRows.read(file);
        if (t.header().size() < 2) {
            throw new UserError(file + ": expected an id column and at least one class column, header is "
                    + t.header());
        }
        int n = t.rows().size();
        int c = t.header().size() - 1;
        double[][] values = new double[n][c];
        String[] ids = new String[n];
        int[] lines = new int[n];
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < n; i++) {
            CsvRows.Row row = t.rows().get(i);
            String id = row.get(0);
            if (id.isEmpty()) {
                throw new UserError(file + ":" + row.line() + ": empty sample id");
            }
            Integer before = seen.put(id, row.line());
            if (before != null) {
                throw new UserError(file + ":" + row.line() + ": sample id '" + id
                        + "' appears again (first on line " + before + ")");
            }
            ids[i] = id;
            lines[i] = row.line();
            for (int k = 0; k < c; k++) {
                values[i][k] = t.number(row, k + 1);
            }
        }
        return new ScoreFile(file, t.header(), List.of(ids), lines, values);
    }

    /** Row index of each id. */
    public Map<String, Integer> index() {
        Map<String, Integer> m = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) {
            m.put(ids.get(i), i);
        }
        return m;
    }
}
