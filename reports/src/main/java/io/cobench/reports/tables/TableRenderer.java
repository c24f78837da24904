package io.cobench.reports.tables;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvWriteOptions;

/** Writes a {@link ResultTable} as Markdown, LaTeX and CSV. */
public final class TableRenderer {

    /** The warning every output carries when a cell was selected on the test set. */
    public static final String PARITY_WARNING = "WARNING: cells marked † used test-parity model selection "
            + "(checkpoint chosen on the test set, as the official notebooks did); their numbers are optimistic "
            + "and not comparable with validation-selected cells.";

    private TableRenderer() {
    }

    /** The table with the caption, best values in bold and notes below. */
    public static String markdown(ResultTable t) {
        StringBuilder sb = new StringBuilder();
        if (t.testParity()) {
            sb.append("> **").append(PARITY_WARNING).append("**\n\n");
        }
        sb.append("**Table ").append(t.spec().number()).append(".** ").append(t.spec().title()).append("\n\n");
        sb.append("| Method |");
        Layout.COLUMNS.forEach(c -> sb.append(' ').append(c.header()).append(" |"));
        sb.append("\n|:--|");
        Layout.COLUMNS.forEach(c -> sb.append("--:|"));
        sb.append('\n');
        for (String r : t.rows()) {
            sb.append("| ").append(r).append(" |");
            for (Column c : Layout.COLUMNS) {
                String text = t.text(r, c);
                boolean bold = t.cell(r, c).isPresent() && t.best(c).contains(r);
                sb.append(' ').append(bold ? "**" + text + "**" : text).append(" |");
            }
            sb.append('\n');
        }
        sb.append("\nMean ± SD over seeds (").append(t.seedCounts())
                .append(" per cell; no SD with a single seed), in percent; best per column in bold; ")
                .append(ResultTable.MISSING).append(" = no finished run.\n");
        if (t.rows().stream().anyMatch(r -> Layout.COLUMNS.stream().anyMatch(c -> t.cell(r, c)
                .filter(x -> x.method().equals(Layout.CEILING)).isPresent()))) {
            sb.append("Supervised (labels) is the supervised ceiling, a control trained on the NIH labels; it is "
                    + "never marked best nor tested as a baseline.\n");
        }
        return sb.toString();
    }

    /** A booktabs table with the paper's two-level header. */
    public static String latex(ResultTable t) {
        StringBuilder sb = new StringBuilder();
        if (t.testParity()) {
            sb.append("% ").append(PARITY_WARNING).append('\n');
        }
        sb.append("% needs \\usepackage{booktabs}\n");
        sb.append("\\begin{table}\n\\centering\n\\caption{").append(escape(t.spec().title()));
        if (t.testParity()) {
            sb.append(" \\textbf{Cells marked \\dag{} were selected on the test set.}");
        }
        sb.append("}\n\\begin{tabular}{l").append("r".repeat(Layout.COLUMNS.size())).append("}\n\\toprule\n");
        List<String> groups = new ArrayList<>();
        int i = 0;
        while (i < Layout.COLUMNS.size()) {
            String ds = Layout.COLUMNS.get(i).dataset();
            int j = i;
            while (j < Layout.COLUMNS.size() && Layout.COLUMNS.get(j).dataset().equals(ds)) {
                j++;
            }
            groups.add(j - i == 1 ? ds : "\\multicolumn{" + (j - i) + "}{c}{" + ds + "}");
            i = j;
        }
        sb.append("Method & ").append(String.join(" & ", groups)).append(" \\\\\n");
        List<String> fr = Layout.COLUMNS.stream().map(c -> escape(c.fractionLabel())).toList();
        sb.append(" & ").append(String.join(" & ", fr)).append(" \\\\\n\\midrule\n");
        for (String r : t.rows()) {
            List<String> cells = new ArrayList<>();
            cells.add(escape(r));
            for (Column c : Layout.COLUMNS) {
                String text = escape(t.text(r, c)).replace(" ± ", " $\\pm$ ").replace(" †", "\\dag{}")
                        .replace(ResultTable.MISSING, "--");
                boolean bold = t.cell(r, c).isPresent() && t.best(c).contains(r);
                cells.add(bold ? "\\textbf{" + text + "}" : text);
            }
            sb.append(String.join(" & ", cells)).append(" \\\\\n");
        }
        sb.append("\\bottomrule\n\\end{tabular}\n\\end{table}\n");
        return sb.toString();
    }

    static String escape(String s) {
        return s.replace("\\", "\\textbackslash{}").replace("%", "\\%").replace("&", "\\&").replace("_", "\\_")
                .replace("#", "\\#");
    }

    /** The display table (paper layout, plain text) as CSV. */
    public static String displayCsv(ResultTable t) {
        Table d = t.display();
        // The paper's layout as text; the header says the unit, as every CSV of a report does.
        for (Column c : Layout.COLUMNS) {
            d.column(c.header()).setName(c.header() + " " + c.metric() + " pct");
        }
        return csv(d);
    }

    /** The per-seed runs with their headline value in percent ({@code value_pct}). */
    public static Table runsCsv(ResultTable t) {
        Table r = t.runs().copy();
        DoubleColumn v = r.doubleColumn("value");
        DoubleColumn pct = DoubleColumn.create("value_pct");
        v.forEach(x -> pct.append(Percent.points(x)));
        r.replaceColumn("value", pct);
        return r;
    }

    /**
     * One line per cell with everything needed to trace it: per-seed values, the eval
     * directories, the pretraining runs, the config hash and the selection mode.
     */
    public static Table cellsTable(ResultTable t) {
        IntColumn table = IntColumn.create("table");
        StringColumn row = StringColumn.create("row");
        StringColumn method = StringColumn.create("method");
        StringColumn dataset = StringColumn.create("dataset");
        IntColumn fraction = IntColumn.create("label_fraction");
        IntColumn n = IntColumn.create("n_seeds");
        DoubleColumn mean = DoubleColumn.create("mean_pct");
        DoubleColumn sd = DoubleColumn.create("sd_pct");
        StringColumn display = StringColumn.create("display");
        StringColumn best = StringColumn.create("best");
        StringColumn seeds = StringColumn.create("seeds");
        StringColumn values = StringColumn.create("values_pct");
        StringColumn dirs = StringColumn.create("cells");
        StringColumn pretrain = StringColumn.create("pretrain_runs");
        StringColumn hash = StringColumn.create("config_hash");
        StringColumn selection = StringColumn.create("selection");
        for (String r : t.rows()) {
            for (Column c : Layout.COLUMNS) {
                var cell = t.cell(r, c);
                if (cell.isEmpty()) {
                    continue;
                }
                CellStats s = cell.get();
                Set<String> bestRows = t.best(c);
                table.append(t.spec().number());
                row.append(r);
                method.append(s.method());
                dataset.append(c.dataset());
                fraction.append(c.fraction());
                n.append(s.n());
                mean.append(Percent.points(s.mean()));
                sd.append(Percent.points(s.sd()));
                display.append(s.display());
                best.append(Boolean.toString(bestRows.contains(r)));
                seeds.append(join(s.seeds()));
                values.append(join(s.values().stream().map(Percent::points).toList()));
                dirs.append(String.join(";", s.cellDirs()));
                pretrain.append(String.join(";", s.pretrainRuns()));
                hash.append(s.configHash());
                selection.append(s.testParity() ? "test-parity" : "val");
            }
        }
        return Table.create(t.spec().stem() + "_cells", table, row, method, dataset, fraction, n, mean, sd, display,
                best, seeds, values, dirs, pretrain, hash, selection);
    }

    private static String join(List<?> xs) {
        return String.join(";", xs.stream().map(String::valueOf).toList());
    }

    /** Any Tablesaw table as CSV text (header included, missing numbers empty). */
    public static String csv(Table t) {
        StringWriter w = new StringWriter();
        t.write().csv(CsvWriteOptions.builder(w).build());
        return w.toString();
    }
}
