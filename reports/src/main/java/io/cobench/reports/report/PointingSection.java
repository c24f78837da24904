package io.cobench.reports.report;

import io.cobench.reports.io.CsvRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The pointing game of the Grad-CAM maps (gradcam/pointing.csv: method,class,images,hits,score) as
 * a table of table rows against findings: a hit is a map whose maximum falls inside the
 * finding's box.
 */
final class PointingSection {

    private PointingSection() {
    }

    /** The section's Markdown and the report's CSV of it (hit rate in percent, as every report CSV). */
    record Section(String markdown, String csv) {
    }

    /** The section, or null when the store holds no pointing.csv. */
    static Section build(Path file, Map<String, String> rowOf, List<String> rowOrder) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        CsvRows t = CsvRows.read(file);
        List<String> want = List.of("method", "class", "images", "hits", "score");
        if (!t.header().equals(want)) {
            throw new io.cobench.cli.UserError(file + ":1: header must be " + String.join(",", want) + ", found "
                    + String.join(",", t.header()));
        }
        Map<String, Map<String, String>> byRow = new LinkedHashMap<>();
        List<String> classes = new ArrayList<>();
        StringBuilder csv = new StringBuilder("method,row,class,images,hits,hit_rate_pct\n");
        for (CsvRows.Row r : t.rows()) {
            String row = rowOf.getOrDefault(r.get(0), r.get(0));
            if (!classes.contains(r.get(1))) {
                classes.add(r.get(1));
            }
            int images = (int) t.number(r, 2);
            int hits = (int) t.number(r, 3);
            csv.append(r.get(0)).append(',').append(row).append(',').append(r.get(1)).append(',').append(images)
                    .append(',').append(hits).append(',')
                    .append(images == 0 ? "" : io.cobench.reports.tables.Percent.points((double) hits / images))
                    .append('\n');
            byRow.computeIfAbsent(row, k -> new LinkedHashMap<>()).put(r.get(1), images == 0 ? "—"
                    : String.format(Locale.ROOT, "%d/%d (%.0f%%)", hits, images, 100.0 * hits / images));
        }
        if (byRow.isEmpty()) {
            return null;
        }
        List<String> rows = new ArrayList<>(byRow.keySet());
        rows.sort(java.util.Comparator.comparingInt(r -> rowOrder.contains(r) ? rowOrder.indexOf(r) : rowOrder.size()));
        StringBuilder sb = new StringBuilder("## Pointing game (Grad-CAM)\n\n")
                .append("A hit is a Grad-CAM map whose maximum lies inside the finding's bounding box; each cell is "
                        + "hits/boxed test images (hit rate). With a few images per finding a single hit moves the "
                        + "rate by tens of points.\n\n| Method | ")
                .append(String.join(" | ", classes)).append(" |\n|:--|").append("--:|".repeat(classes.size()))
                .append('\n');
        for (String r : rows) {
            sb.append("| ").append(r);
            for (String c : classes) {
                sb.append(" | ").append(byRow.get(r).getOrDefault(c, "—"));
            }
            sb.append(" |\n");
        }
        return new Section(sb.append("\nFile: [pointing.csv](gradcam/pointing.csv).\n\n").toString(), csv.toString());
    }
}
