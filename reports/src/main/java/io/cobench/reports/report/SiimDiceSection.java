package io.cobench.reports.report;

import io.cobench.reports.io.OverlapFile;
import io.cobench.reports.metrics.Dice;
import io.cobench.reports.metrics.DiceBreakdown;
import io.cobench.reports.store.EvalCell;
import io.cobench.reports.tables.Percent;
import io.cobench.reports.tables.ResultTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The SIIM Dice of one table beside the positives-only Dice and the all-empty floor, recomputed
 * from each cell's overlap.csv. The headline Dice scores an empty prediction on a negative image
 * as 1, so on SIIM's balanced test split it starts near 50 for a model that finds nothing; the
 * two extra numbers say how much of a headline is that.
 */
public final class SiimDiceSection {

    /**
     * One table's section.
     *
     * @param markdown the report.md text (heading included)
     * @param csv      one line per row: seed means of every Dice variant and the split's counts
     */
    public record Section(String markdown, String csv) {
    }

    private SiimDiceSection() {
    }

    /**
     * The section for {@code table}, or null when it has no SIIM cell with an overlap.csv. Cells
     * without one are named in {@code notes}.
     */
    public static Section build(ResultTable table, List<EvalCell> cells, List<String> notes) {
        Map<String, List<DiceBreakdown>> byRow = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String row : table.rows()) {
            byRow.put(row, new ArrayList<>());
        }
        for (EvalCell c : cells) {
            if (!"Dice".equals(c.metrics().metric()) || !table.spec().protocol().equals(c.metrics().protocol())) {
                continue;
            }
            Path overlap = c.dir().resolve("overlap.csv");
            if (!Files.isRegularFile(overlap)) {
                missing.add(c.relative());
                continue;
            }
            byRow.computeIfAbsent(c.metrics().row(), r -> new ArrayList<>())
                    .add(Dice.breakdown(OverlapFile.read(overlap).counts()));
        }
        if (!missing.isEmpty()) {
            notes.add(missing.size() + " SIIM cell(s) of Table " + table.spec().number() + " have no overlap.csv, so "
                    + "their positives-only Dice and all-empty floor are not shown; first: "
                    + String.join(", ", missing.subList(0, Math.min(5, missing.size()))));
        }
        byRow.values().removeIf(List::isEmpty);
        if (byRow.isEmpty()) {
            return null;
        }
        TreeSet<String> floors = new TreeSet<>();
        byRow.values().forEach(l -> l.forEach(b -> floors.add(Percent.format(b.emptyFloor()))));

        StringBuilder md = new StringBuilder("### SIIM Dice of Table ").append(table.spec().number())
                .append(": headline, positives only, all-empty floor\n\n")
                .append("Headline: mean per-image Dice, where an image with an empty truth mask scores 1 if the "
                        + "prediction is empty too (the Table's number). Positives only: mean Dice over the images "
                        + "with pneumothorax. Pooled: Dice of all pixels together. Floor: the headline an all-empty "
                        + "predictor gets on the same test images, the share of images with an empty truth mask. "
                        + "Seed means.\n\n");
        if (floors.size() == 1) {
            md.append("All-empty floor on the evaluated split: **").append(floors.first()).append("**.\n\n");
        }
        md.append("| Method | Seeds | Headline Dice | Positives-only Dice | Pooled Dice | Images (positives) | Floor |\n")
                .append("|---|---|---|---|---|---|---|\n");
        StringBuilder csv = new StringBuilder(
                "row,seeds,dice_headline_pct,dice_positives_pct,dice_pooled_pct,images,positives,empty_floor_pct\n");
        for (Map.Entry<String, List<DiceBreakdown>> e : byRow.entrySet()) {
            List<DiceBreakdown> l = e.getValue();
            double head = mean(l, DiceBreakdown::mean);
            double pos = mean(l, DiceBreakdown::positivesMean);
            double pooled = mean(l, DiceBreakdown::pooled);
            double floor = mean(l, DiceBreakdown::emptyFloor);
            String images = range(l, DiceBreakdown::images);
            String positives = range(l, DiceBreakdown::positives);
            md.append("| ").append(e.getKey()).append(" | ").append(l.size()).append(" | ").append(pct(head))
                    .append(" | ").append(pct(pos)).append(" | ").append(pct(pooled)).append(" | ").append(images)
                    .append(" (").append(positives).append(") | ").append(pct(floor)).append(" |\n");
            csv.append(e.getKey()).append(',').append(l.size()).append(',').append(io.cobench.reports.tables.Percent.points(head)).append(',')
                    .append(io.cobench.reports.tables.Percent.points(pos)).append(',').append(io.cobench.reports.tables.Percent.points(pooled)).append(',').append(images).append(',')
                    .append(positives).append(',').append(io.cobench.reports.tables.Percent.points(floor)).append('\n');
        }
        return new Section(md.toString(), csv.toString());
    }

    private static double mean(List<DiceBreakdown> l, java.util.function.ToDoubleFunction<DiceBreakdown> f) {
        return l.stream().mapToDouble(f).average().orElse(Double.NaN);
    }

    /** "n" when every seed saw the same count, else "lo-hi" (CSV-safe). */
    private static String range(List<DiceBreakdown> l, java.util.function.ToIntFunction<DiceBreakdown> f) {
        int lo = l.stream().mapToInt(f).min().orElseThrow();
        int hi = l.stream().mapToInt(f).max().orElseThrow();
        return lo == hi ? Integer.toString(lo) : lo + "-" + hi;
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? ResultTable.MISSING : Percent.format(v);
    }
}
