package io.cobench.reports.significance;

import io.cobench.reports.tables.Percent;
import io.cobench.reports.tables.TableRenderer;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Renders a {@link SignificanceAnalysis.Result} as Markdown and as Tablesaw tables for CSV. */
public final class SignificanceWriter {

    private SignificanceWriter() {
    }

    public static String markdown(SignificanceAnalysis.Result r, int replicates) {
        StringBuilder sb = new StringBuilder();
        if (r.testParity()) {
            sb.append("> **").append(TableRenderer.PARITY_WARNING).append("**\n\n");
        }
        sb.append("CoBooM (Ours w/Dec.) against each baseline. Δ = CoBooM − baseline in percentage points. ")
                .append("p is two-sided; p (Holm) is adjusted within each table and test kind; * marks p (Holm) < 0.05. ")
                .append("The bootstrap uses ").append(replicates).append(" paired resamples of the test images; ")
                .append("its p is (1 + replicates on the far side of 0) × 2 / (B + 1).\n\n");
        for (int table : r.comparisons().stream().map(Comparison::table).distinct().sorted().toList()) {
            sb.append("**Table ").append(table).append(".**\n\n");
            sb.append("| Column | Baseline | Test | n | CoBooM | Baseline | Δ | t | p | p (Holm) | 95% CI of Δ |\n");
            sb.append("|:--|:--|:--|--:|--:|--:|--:|--:|--:|--:|:--|\n");
            for (Comparison c : r.comparisons()) {
                if (c.table() != table) {
                    continue;
                }
                sb.append("| ").append(c.column()).append(" | ").append(c.baseline()).append(" | ").append(c.test())
                        .append(" | ").append(c.n()).append(" | ").append(pct(c.coboom())).append(" | ")
                        .append(pct(c.other())).append(" | ").append(pct(c.diff())).append(" | ").append(num(c.t()))
                        .append(" | ").append(p(c.p())).append(" | ").append(p(c.pHolm()))
                        .append(c.pHolm() < 0.05 ? " *" : "").append(" | ")
                        .append(ciAndNote(c)).append(" |\n");
            }
            sb.append('\n');
        }
        if (!r.intervals().isEmpty()) {
            sb.append("**AUC with 95% bootstrap confidence intervals** (recomputed from predictions.csv, mean over seeds).\n\n");
            sb.append("| Table | Column | Method | seeds | AUC | 95% CI |\n|--:|:--|:--|--:|--:|:--|\n");
            for (AucInterval i : r.intervals()) {
                sb.append("| ").append(i.table()).append(" | ").append(i.column()).append(" | ").append(i.row())
                        .append(" | ").append(i.seeds()).append(" | ").append(pct(i.auc())).append(" | [")
                        .append(pct(i.lo())).append(", ").append(pct(i.hi())).append("] |\n");
            }
            sb.append('\n');
        }
        if (!r.notes().isEmpty()) {
            sb.append("Notes:\n\n");
            r.notes().forEach(n -> sb.append("- ").append(n).append('\n'));
        }
        return sb.toString();
    }

    private static String ciAndNote(Comparison c) {
        String ci = Double.isNaN(c.ciLo()) ? "" : "[" + pct(c.ciLo()) + ", " + pct(c.ciHi()) + "]";
        if (c.note().isEmpty()) {
            return ci;
        }
        return ci.isEmpty() ? c.note() : ci + " " + c.note();
    }

    static String pct(double fraction) {
        return Double.isNaN(fraction) ? "—" : String.format(Locale.ROOT, "%.2f", fraction * 100);
    }

    static String num(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.3f", v);
    }

    static String p(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        return v < 1e-4 ? String.format(Locale.ROOT, "%.1e", v) : String.format(Locale.ROOT, "%.4f", v);
    }

    public static Table comparisons(List<Comparison> rows) {
        IntColumn table = IntColumn.create("table");
        StringColumn column = StringColumn.create("column");
        StringColumn baseline = StringColumn.create("baseline");
        StringColumn test = StringColumn.create("test");
        IntColumn n = IntColumn.create("n");
        DoubleColumn coboom = DoubleColumn.create("coboom_pct");
        DoubleColumn other = DoubleColumn.create("baseline_pct");
        DoubleColumn diff = DoubleColumn.create("diff_pct");
        DoubleColumn t = DoubleColumn.create("t");
        DoubleColumn p = DoubleColumn.create("p");
        DoubleColumn holm = DoubleColumn.create("p_holm");
        DoubleColumn lo = DoubleColumn.create("ci_lo_pct");
        DoubleColumn hi = DoubleColumn.create("ci_hi_pct");
        StringColumn note = StringColumn.create("note");
        for (Comparison c : rows) {
            table.append(c.table());
            column.append(c.column());
            baseline.append(c.baseline());
            test.append(c.test());
            n.append(c.n());
            coboom.append(Percent.points(c.coboom()));
            other.append(Percent.points(c.other()));
            diff.append(Percent.points(c.diff()));
            t.append(c.t());
            p.append(c.p());
            holm.append(c.pHolm());
            lo.append(Percent.points(c.ciLo()));
            hi.append(Percent.points(c.ciHi()));
            note.append(c.note());
        }
        return Table.create("significance", table, column, baseline, test, n, coboom, other, diff, t, p, holm, lo, hi,
                note);
    }

    public static Table intervals(List<AucInterval> rows) {
        IntColumn table = IntColumn.create("table");
        StringColumn column = StringColumn.create("column");
        StringColumn row = StringColumn.create("row");
        IntColumn seeds = IntColumn.create("seeds");
        DoubleColumn auc = DoubleColumn.create("auc_pct");
        DoubleColumn lo = DoubleColumn.create("ci_lo_pct");
        DoubleColumn hi = DoubleColumn.create("ci_hi_pct");
        for (AucInterval i : rows) {
            table.append(i.table());
            column.append(i.column());
            row.append(i.row());
            seeds.append(i.seeds());
            auc.append(Percent.points(i.auc()));
            lo.append(Percent.points(i.lo()));
            hi.append(Percent.points(i.hi()));
        }
        return Table.create("auc_ci", table, column, row, seeds, auc, lo, hi);
    }
}
