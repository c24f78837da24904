package io.cobench.reports.significance;

import io.cobench.reports.tables.CellStats;
import io.cobench.reports.tables.Column;
import io.cobench.reports.tables.Layout;
import io.cobench.reports.tables.ResultTable;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The significance section of report.md in a glance: per table (protocol) and column, CoBooM
 * against the baseline with the highest mean there, since a reader asks first whether CoBooM beats
 * the strongest competitor. The full family of tests, with the same Holm adjustment, stays in
 * significance.md and significance.csv.
 */
public final class SignificanceSummary {

    private SignificanceSummary() {
    }

    /** One Markdown table per result table; columns without CoBooM or without a baseline are left out. */
    public static String markdown(List<ResultTable> tables, SignificanceAnalysis.Result sig) {
        StringBuilder sb = new StringBuilder();
        for (ResultTable t : tables) {
            StringBuilder rows = new StringBuilder();
            for (Column c : Layout.COLUMNS) {
                Optional<CellStats> ref = stats(t, c).filter(s -> s.method().equals(Layout.COBOOM)).findFirst();
                Optional<CellStats> best = stats(t, c).filter(s -> !s.method().startsWith(Layout.COBOOM))
                        .max(Comparator.comparingDouble(CellStats::mean));
                if (ref.isEmpty() || best.isEmpty()) {
                    continue;
                }
                CellStats b = best.get();
                Optional<Comparison> seedTest = find(sig, t, c, b, SignificanceAnalysis.SEED_T);
                Optional<Comparison> imageTest = find(sig, t, c, b,
                        c.metric().equals("Dice") ? SignificanceAnalysis.IMAGE_T : SignificanceAnalysis.BOOTSTRAP);
                rows.append("| ").append(c.header()).append(" | ").append(SignificanceWriter.pct(ref.get().mean()))
                        .append(" | ").append(b.row()).append(" ").append(SignificanceWriter.pct(b.mean())).append(" | ")
                        .append(signed(ref.get().mean() - b.mean())).append(" | ")
                        .append(seedCell(seedTest, ref.get(), b)).append(" | ").append(imageCell(imageTest))
                        .append(" |\n");
            }
            if (rows.length() == 0) {
                continue;
            }
            sb.append("**Table ").append(t.spec().number()).append(" (").append(t.spec().protocol())
                    .append(").** Seeds per cell: ").append(t.seedCounts()).append(".\n\n")
                    .append("| Column | CoBooM | best baseline | Δ (pp) | seeds: paired t-test, p (Holm) | ")
                    .append("test images: p (Holm) |\n|:--|--:|:--|--:|:--|:--|\n").append(rows).append('\n');
        }
        if (sb.length() == 0) {
            return "No column holds both CoBooM and a baseline: nothing to test.\n\n";
        }
        return "CoBooM (Ours w/Dec.) against the best baseline of each column (highest mean; the CoBooM "
                + "ablations are not baselines). Δ = CoBooM − baseline in percentage points. p is two-sided and "
                + "Holm-adjusted within each table and test kind over all baselines and columns; * marks p < 0.05. "
                + "The seed test needs two or more seeds that both methods share; the image test pairs test images "
                + "(a bootstrap of the mean AUC, or a t-test of per-image Dice) and so speaks about these test "
                + "images, not about new training runs.\n\n" + sb;
    }

    private static java.util.stream.Stream<CellStats> stats(ResultTable t, Column c) {
        return t.rows().stream().map(r -> t.cell(r, c)).flatMap(Optional::stream);
    }

    private static Optional<Comparison> find(SignificanceAnalysis.Result sig, ResultTable t, Column c, CellStats b,
                                             String test) {
        return sig.comparisons().stream().filter(x -> x.table() == t.spec().number() && x.column().equals(c.header())
                && x.baseline().equals(b.row()) && x.test().equals(test)).findFirst();
    }

    private static String seedCell(Optional<Comparison> test, CellStats ref, CellStats b) {
        if (test.isEmpty() || test.get().n() < 2 || Double.isNaN(test.get().pHolm())) {
            int shared = (int) ref.seeds().stream().filter(b.seeds()::contains).count();
            return "seeds too few (n = " + shared + ")";
        }
        Comparison x = test.get();
        return "n = " + x.n() + ", p = " + SignificanceWriter.p(x.pHolm()) + (x.pHolm() < 0.05 ? " *" : "");
    }

    private static String imageCell(Optional<Comparison> test) {
        if (test.isEmpty() || Double.isNaN(test.get().pHolm())) {
            return test.map(x -> x.note().isEmpty() ? "not run" : x.note()).orElse("not run");
        }
        Comparison x = test.get();
        String ci = Double.isNaN(x.ciLo()) ? ""
                : ", 95% CI of Δ [" + SignificanceWriter.pct(x.ciLo()) + ", " + SignificanceWriter.pct(x.ciHi()) + "]";
        return "p = " + SignificanceWriter.p(x.pHolm()) + (x.pHolm() < 0.05 ? " *" : "") + ci;
    }

    private static String signed(double fraction) {
        return (fraction >= 0 ? "+" : "") + SignificanceWriter.pct(fraction);
    }
}
