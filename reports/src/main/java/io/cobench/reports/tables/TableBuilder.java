package io.cobench.reports.tables;

import io.cobench.cli.UserError;
import io.cobench.reports.store.CellRecord;
import io.cobench.reports.store.EvalCell;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.table.TableSlice;

/**
 * Builds Tables 1 and 2 from the evaluation cells of a store.
 *
 * <p>Seeds are grouped into a cell by protocol, dataset, label fraction and row label. A cell
 * whose seeds disagree on the method key or the config hash is refused: averaging runs of two
 * different set-ups would print a number that no configuration produced.
 */
public final class TableBuilder {

    private TableBuilder() {
    }

    /** Which NIH mean the tables use: the paper's 15 classes (with "No Finding") or the 14 findings. */
    public static double headline(EvalCell cell, int classes) {
        CellRecord m = cell.metrics();
        if (classes == 14 && "NIH".equals(m.dataset())) {
            if (m.aucMean14() == null) {
                throw new UserError(cell.dir().resolve("metrics.json")
                        + ": --classes 14 needs 'auc_mean_14', which is missing");
            }
            return m.aucMean14();
        }
        return m.value();
    }

    /**
     * Groups the cells into the paper's two tables.
     *
     * @param cells   finished eval cells
     * @param classes 15 or 14 (NIH mean)
     * @param notes   receives a line for everything left out and every undefined AUC class
     * @param order   row labels in table order (the store's {@code rows.json}); rows not in it follow
     *                alphabetically
     */
    public static List<ResultTable> build(List<EvalCell> cells, int classes, List<String> notes, List<String> order) {
        Table runs = runsTable(cells, classes, notes);
        List<ResultTable> out = new ArrayList<>();
        for (TableSpec spec : Layout.TABLES) {
            Table mine = runs.where(runs.stringColumn("protocol").isEqualTo(spec.protocol()));
            Map<String, CellStats> stats = new LinkedHashMap<>();
            if (mine.rowCount() > 0) {
                for (TableSlice slice : mine.splitOn("row", "column")) {
                    CellStats s = aggregate(slice.asTable());
                    stats.put(ResultTable.key(s.row(), s.column()), s);
                }
            }
            List<String> rows = Layout.rowOrder(new TreeSet<>(mine.stringColumn("row").asList()), order);
            out.add(new ResultTable(spec, rows, stats, mine));
        }
        undefinedClassNotes(cells, notes);
        return out;
    }

    /** One line per finished eval directory that belongs in a table. */
    static Table runsTable(List<EvalCell> cells, int classes, List<String> notes) {
        StringColumn protocol = StringColumn.create("protocol");
        StringColumn row = StringColumn.create("row");
        StringColumn method = StringColumn.create("method");
        StringColumn dataset = StringColumn.create("dataset");
        IntColumn fraction = IntColumn.create("label_fraction");
        StringColumn column = StringColumn.create("column");
        IntColumn seed = IntColumn.create("seed");
        DoubleColumn value = DoubleColumn.create("value");
        StringColumn cell = StringColumn.create("cell");
        StringColumn hash = StringColumn.create("config_hash");
        StringColumn selection = StringColumn.create("selection");
        StringColumn pretrain = StringColumn.create("pretrain_run");
        List<String> outside = new ArrayList<>();
        for (EvalCell c : cells) {
            CellRecord m = c.metrics();
            Optional<Column> col = Layout.column(m.dataset(), m.labelFraction());
            if (col.isEmpty()) {
                outside.add(c.relative());
                continue;
            }
            if (!col.get().metric().equals(m.metric())) {
                throw new UserError(c.dir().resolve("metrics.json") + ": metric '" + m.metric() + "' but column "
                        + col.get().header() + " reports " + col.get().metric());
            }
            protocol.append(m.protocol());
            row.append(m.row());
            method.append(m.method());
            dataset.append(m.dataset());
            fraction.append(m.labelFraction());
            column.append(col.get().key());
            seed.append(m.seed());
            value.append(headline(c, classes));
            cell.append(c.relative());
            hash.append(m.configHash());
            selection.append(m.selection());
            pretrain.append(m.pretrainRun() == null ? "" : "pretrain/" + m.pretrainRun());
        }
        if (!outside.isEmpty()) {
            notes.add(outside.size() + " eval cell(s) are outside the paper's columns and were left out of "
                    + "Tables 1-2, first: " + String.join(", ", outside.subList(0, Math.min(5, outside.size()))));
        }
        return Table.create("runs", protocol, row, method, dataset, fraction, column, seed, value, cell, hash,
                selection, pretrain);
    }

    private static CellStats aggregate(Table t) {
        String row = t.stringColumn("row").get(0);
        String colKey = t.stringColumn("column").get(0);
        Column column = Layout.COLUMNS.stream().filter(c -> c.key().equals(colKey)).findFirst().orElseThrow();
        String where = t.stringColumn("protocol").get(0) + " / " + column.header() + " / " + row;
        StringColumn methods = t.stringColumn("method").unique();
        if (methods.size() > 1) {
            throw new UserError("cell " + where + " mixes methods " + describe(t, "method"));
        }
        if (t.stringColumn("config_hash").unique().size() > 1) {
            throw new UserError("cell " + where + " mixes runs of different configs: " + describe(t, "config_hash"));
        }
        Table sorted = t.sortAscendingOn("seed");
        List<Integer> seeds = sorted.intColumn("seed").asList();
        Map<Integer, String> seen = new HashMap<>();
        for (int i = 0; i < seeds.size(); i++) {
            String before = seen.put(seeds.get(i), sorted.stringColumn("cell").get(i));
            if (before != null) {
                throw new UserError("cell " + where + " has seed " + seeds.get(i) + " twice: " + before + " and "
                        + sorted.stringColumn("cell").get(i));
            }
        }
        DoubleColumn v = sorted.doubleColumn("value");
        double sd = v.size() < 2 ? Double.NaN : v.standardDeviation();
        List<String> pretrain = sorted.stringColumn("pretrain_run").unique().asList().stream()
                .filter(s -> !s.isEmpty()).sorted().toList();
        boolean parity = sorted.stringColumn("selection").isEqualTo("test-parity").size() > 0;
        return new CellStats(row, column, methods.get(0), seeds, v.asList(), v.mean(), sd,
                sorted.stringColumn("cell").asList(), pretrain, sorted.stringColumn("config_hash").get(0), parity);
    }

    /** "eval/a (x), eval/b (y)": which run has which value of a field. */
    private static String describe(Table t, String field) {
        Map<String, List<String>> byValue = new TreeMap<>();
        for (int i = 0; i < t.rowCount(); i++) {
            byValue.computeIfAbsent(t.stringColumn(field).get(i), k -> new ArrayList<>())
                    .add(t.stringColumn("cell").get(i));
        }
        List<String> parts = new ArrayList<>();
        byValue.forEach((val, dirs) -> parts.add(String.join(", ", dirs) + " have " + field + " " + val));
        return String.join("; ", parts);
    }

    private static void undefinedClassNotes(List<EvalCell> cells, List<String> notes) {
        Map<String, List<String>> byClass = new TreeMap<>();
        for (EvalCell c : cells) {
            c.metrics().aucPerClass().forEach((cls, auc) -> {
                if (auc == null) {
                    byClass.computeIfAbsent(cls, k -> new ArrayList<>()).add(c.relative());
                }
            });
        }
        byClass.forEach((cls, dirs) -> notes.add("AUC of class '" + cls + "' is undefined (its test labels hold "
                + "one value only) and left out of the mean in " + dirs.size() + " cell(s), first: "
                + String.join(", ", dirs.subList(0, Math.min(3, dirs.size())))));
    }
}
