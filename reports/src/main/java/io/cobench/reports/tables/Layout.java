package io.cobench.reports.tables;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The paper's table layout: which tables and columns, in which order. Rows are not listed here:
 * their labels come from the method providers through the store ({@code rows.json}), in the
 * grid's order.
 */
public final class Layout {

    public static final List<Column> COLUMNS = List.of(
            new Column("NIH", 1, "AUC"), new Column("NIH", 5, "AUC"), new Column("NIH", 10, "AUC"),
            new Column("NIH", 30, "AUC"), new Column("NIH", 100, "AUC"), new Column("SIIM", 100, "Dice"),
            new Column("MuReD", 10, "AUC"), new Column("ODIR", 10, "AUC"));

    public static final List<TableSpec> TABLES = List.of(
            new TableSpec(1, "linear", "Linear probing: AUC (%) on NIH, MuReD and ODIR, Dice (%) on SIIM"),
            new TableSpec(2, "finetune",
                    "Semi-supervised fine-tuning: AUC (%) on NIH, MuReD and ODIR, Dice (%) on SIIM"));

    /** Registry key of the method the significance tests centre on ("Ours w/Dec."). */
    public static final String COBOOM = "coboom";
    /** The supervised ceiling's key: a control trained on the labels, never a baseline or a "best" entry. */
    public static final String CEILING = "supervised";

    private Layout() {
    }

    public static Optional<Column> column(String dataset, int fraction) {
        return COLUMNS.stream().filter(c -> c.dataset().equals(dataset) && c.fraction() == fraction).findFirst();
    }

    public static Optional<TableSpec> table(String protocol) {
        return TABLES.stream().filter(t -> t.protocol().equals(protocol)).findFirst();
    }

    /** The rows of {@code order} that are present, in that order, then any other rows alphabetically. */
    public static List<String> rowOrder(Collection<String> present, List<String> order) {
        List<String> out = new ArrayList<>();
        for (String r : order) {
            if (present.contains(r) && !out.contains(r)) {
                out.add(r);
            }
        }
        for (String r : new TreeSet<>(present)) {
            if (!out.contains(r)) {
                out.add(r);
            }
        }
        return out;
    }
}
