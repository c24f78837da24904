package io.cobench.reports.tables;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * One of the paper's tables filled from a store.
 *
 * @param spec  which table
 * @param rows  row labels in display order
 * @param cells cell per "row|column key"
 * @param runs  per-seed Tablesaw table of this protocol (one line per eval directory)
 */
public record ResultTable(TableSpec spec, List<String> rows, Map<String, CellStats> cells, Table runs) {

    public static final String MISSING = "—";

    static String key(String row, Column c) {
        return row + "|" + c.key();
    }

    public Optional<CellStats> cell(String row, Column c) {
        return Optional.ofNullable(cells.get(key(row, c)));
    }

    /** Rows whose rounded mean is the column's highest (ties all count). */
    public Set<String> best(Column c) {
        BigDecimal max = null;
        for (String r : rows) {
            Optional<CellStats> s = cell(r, c).filter(x -> !x.method().equals(Layout.CEILING));
            if (s.isPresent() && (max == null || s.get().roundedMean().compareTo(max) > 0)) {
                max = s.get().roundedMean();
            }
        }
        Set<String> out = new HashSet<>();
        for (String r : rows) {
            Optional<CellStats> s = cell(r, c).filter(x -> !x.method().equals(Layout.CEILING));
            if (s.isPresent() && s.get().roundedMean().compareTo(max) == 0) {
                out.add(r);
            }
        }
        return out;
    }

    public boolean testParity() {
        return cells.values().stream().anyMatch(CellStats::testParity);
    }

    /** The cell text without emphasis, or {@link #MISSING}. */
    public String text(String row, Column c) {
        return cell(row, c).map(CellStats::display).orElse(MISSING);
    }

    /** Seed counts over all cells, as "3" or "2-3". */
    public String seedCounts() {
        int lo = cells.values().stream().mapToInt(CellStats::n).min().orElse(0);
        int hi = cells.values().stream().mapToInt(CellStats::n).max().orElse(0);
        return lo == hi ? Integer.toString(lo) : lo + "-" + hi;
    }

    /** The table in the paper's layout as a Tablesaw table of display strings. */
    public Table display() {
        Table t = Table.create(spec.stem());
        StringColumn method = StringColumn.create("Method");
        rows.forEach(method::append);
        t.addColumns(method);
        for (Column c : Layout.COLUMNS) {
            StringColumn col = StringColumn.create(c.header());
            rows.forEach(r -> col.append(text(r, c)));
            t.addColumns(col);
        }
        return t;
    }
}
