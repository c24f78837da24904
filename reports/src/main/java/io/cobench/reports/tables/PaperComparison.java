package io.cobench.reports.tables;

import java.math.BigDecimal;
import java.util.Optional;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Our cells next to the paper's. The delta is our rounded mean minus the paper's printed value,
 * so it agrees with the two numbers a reader sees side by side.
 */
public final class PaperComparison {

    private PaperComparison() {
    }

    /** Delta in percentage points, or empty when either side is missing. */
    public static Optional<BigDecimal> delta(ResultTable t, PaperValues paper, String row, Column c) {
        Optional<CellStats> ours = t.cell(row, c);
        Optional<PaperValues.Entry> theirs = paper.value(t.spec().number(), row, c);
        if (ours.isEmpty() || theirs.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ours.get().roundedMean().subtract(new BigDecimal(theirs.get().value())));
    }

    /** Markdown: each cell "ours / paper (Δ)". */
    public static String markdown(ResultTable t, PaperValues paper) {
        StringBuilder sb = new StringBuilder();
        if (t.testParity()) {
            sb.append("> **").append(TableRenderer.PARITY_WARNING).append("**\n\n");
        }
        sb.append("**Table ").append(t.spec().number()).append(" vs the paper.** Each cell: ours / paper (Δ = ours − paper, "
                + "percentage points).\n\n| Method |");
        Layout.COLUMNS.forEach(c -> sb.append(' ').append(c.header()).append(" |"));
        sb.append("\n|:--|");
        Layout.COLUMNS.forEach(c -> sb.append("--:|"));
        sb.append('\n');
        for (String r : Layout.rowOrder(rowsWithPaper(t, paper), t.rows())) {
            sb.append("| ").append(r).append(" |");
            for (Column c : Layout.COLUMNS) {
                String p = paper.value(t.spec().number(), r, c).map(PaperValues.Entry::value)
                        .orElse(ResultTable.MISSING);
                String d = delta(t, paper, r, c).map(x -> " (" + Percent.signed(x) + ")").orElse("");
                sb.append(' ').append(t.text(r, c)).append(" / ").append(p).append(d).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static java.util.Set<String> rowsWithPaper(ResultTable t, PaperValues paper) {
        java.util.Set<String> rows = new java.util.TreeSet<>(t.rows());
        paper.entries().stream().filter(e -> e.table() == t.spec().number()).forEach(e -> rows.add(e.row()));
        return rows;
    }

    /** Long form: one line per row and column with either side present. */
    public static Table table(ResultTable t, PaperValues paper) {
        IntColumn table = IntColumn.create("table");
        StringColumn row = StringColumn.create("row");
        StringColumn dataset = StringColumn.create("dataset");
        IntColumn fraction = IntColumn.create("label_fraction");
        StringColumn ours = StringColumn.create("ours_pct");
        IntColumn n = IntColumn.create("n_seeds");
        StringColumn theirs = StringColumn.create("paper_pct");
        DoubleColumn delta = DoubleColumn.create("delta_pct");
        for (String r : Layout.rowOrder(rowsWithPaper(t, paper), t.rows())) {
            for (Column c : Layout.COLUMNS) {
                Optional<CellStats> o = t.cell(r, c);
                Optional<PaperValues.Entry> p = paper.value(t.spec().number(), r, c);
                if (o.isEmpty() && p.isEmpty()) {
                    continue;
                }
                table.append(t.spec().number());
                row.append(r);
                dataset.append(c.dataset());
                fraction.append(c.fraction());
                ours.append(o.map(CellStats::display).orElse(""));
                if (o.isPresent()) {
                    n.append(o.get().n());
                } else {
                    n.appendMissing();
                }
                theirs.append(p.map(PaperValues.Entry::value).orElse(""));
                delta.append(delta(t, paper, r, c).map(BigDecimal::doubleValue).orElse(Double.NaN));
            }
        }
        return Table.create(t.spec().stem() + "_vs_paper", table, row, dataset, fraction, ours, n, theirs, delta);
    }
}
