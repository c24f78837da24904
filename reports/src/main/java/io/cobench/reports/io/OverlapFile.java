package io.cobench.reports.io;

import io.cobench.cli.UserError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A segmentation cell's overlap.csv: {@code id,intersection,predicted,truth} pixel counts per
 * test image, from which every Dice variant follows.
 *
 * @param file   source, for messages
 * @param ids    image ids in file order
 * @param counts {intersection, predicted, truth} per image, in file order
 */
public record OverlapFile(Path file, List<String> ids, List<long[]> counts) {
    private static final List<String> HEADER = List.of("id", "intersection", "predicted", "truth");

    public static OverlapFile read(Path file) {
        CsvRows t = CsvRows.read(file);
        if (!t.header().equals(HEADER)) {
            throw new UserError(file + ": expected header " + String.join(",", HEADER) + ", got "
                    + String.join(",", t.header()));
        }
        List<String> ids = new ArrayList<>();
        List<long[]> counts = new ArrayList<>();
        for (CsvRows.Row row : t.rows()) {
            long[] c = new long[3];
            for (int i = 0; i < 3; i++) {
                double v = t.number(row, i + 1);
                if (v < 0 || v != Math.rint(v)) {
                    throw new UserError(file + ":" + row.line() + ": column '" + HEADER.get(i + 1) + "' holds '"
                            + row.get(i + 1) + "', expected a pixel count (a whole number >= 0)");
                }
                c[i] = (long) v;
            }
            if (c[0] > c[1] || c[0] > c[2]) {
                throw new UserError(file + ":" + row.line() + ": intersection " + c[0]
                        + " exceeds the predicted (" + c[1] + ") or true (" + c[2] + ") pixel count");
            }
            ids.add(row.get(0));
            counts.add(c);
        }
        if (counts.isEmpty()) {
            throw new UserError(file + ": no data rows");
        }
        return new OverlapFile(file, List.copyOf(ids), List.copyOf(counts));
    }
}
