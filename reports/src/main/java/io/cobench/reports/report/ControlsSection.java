package io.cobench.reports.report;

import io.cobench.reports.stats.PairedTTest;
import io.cobench.reports.stats.TTestResult;
import io.cobench.reports.store.EvalCell;
import io.cobench.reports.tables.TableBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Whether the store's numbers can tell representations apart at all, from its per-seed cells. The
 * floor is "Sup.", the randomly initialised encoder; the ceiling, where the grid has it, an encoder
 * trained on the labels. Every method is compared with the floor on NIH linear probing with all
 * labels by a paired t-test over the seeds both have (the evaluation seeds pair them: same subset,
 * head initialisation and batch order), and the fine-tuning AUC is followed over the label
 * fractions. A method that does not beat the floor has learnt nothing the probe can use.
 */
public final class ControlsSection {
    /** Registry key of the floor, the paper's "Sup." row. */
    public static final String FLOOR = "sup";
    /** Registry key of the supervised ceiling. */
    public static final String CEILING = io.cobench.reports.tables.Layout.CEILING;

    private ControlsSection() {
    }

    /**
     * One method against the floor.
     *
     * @param diff mean over the paired seeds of (method - floor), defined from one seed on
     * @param rank mean effective rank of the method's features over its seeds (NaN where the cells
     *             have none): near 1, the encoder maps every image to one direction
     */
    public record Row(String method, String row, TTestResult test, double diff, double rank) {
    }

    /** Mean fine-tuning AUC over the methods present at every fraction, per fraction. */
    public record Curve(List<Integer> fractions, List<Double> meanAuc, List<Integer> methods) {
        public boolean rising() {
            for (int i = 1; i < meanAuc.size(); i++) {
                if (!(meanAuc.get(i) > meanAuc.get(i - 1))) {
                    return false;
                }
            }
            return meanAuc.size() > 1;
        }
    }

    public record Section(List<Row> rows, Curve curve, String markdown, String csv, String curveCsv) {
    }

    /** Null when the store has no NIH linear cells at 100% for the floor. */
    public static Section build(List<EvalCell> cells, int classes) {
        Map<String, Map<Integer, Double>> linear = new TreeMap<>();
        Map<String, List<Double>> ranks = new TreeMap<>();
        Map<String, String> rowOf = new TreeMap<>();
        // method -> fraction -> seed -> value
        Map<String, Map<Integer, Map<Integer, Double>>> finetune = new TreeMap<>();
        for (EvalCell c : cells) {
            var m = c.metrics();
            if (!"NIH".equals(m.dataset())) {
                continue;
            }
            rowOf.putIfAbsent(m.method(), m.row());
            double v = TableBuilder.headline(c, classes);
            if ("linear".equals(m.protocol()) && m.labelFraction() == 100) {
                linear.computeIfAbsent(m.method(), k -> new TreeMap<>()).put(m.seed(), v);
                if (m.featureRank() != null) {
                    ranks.computeIfAbsent(m.method(), k -> new ArrayList<>()).add(m.featureRank());
                }
            } else if ("finetune".equals(m.protocol())) {
                finetune.computeIfAbsent(m.method(), k -> new TreeMap<>())
                        .computeIfAbsent(m.labelFraction(), k -> new TreeMap<>()).put(m.seed(), v);
            }
        }
        Map<Integer, Double> floor = linear.get(FLOOR);
        if (floor == null) {
            return null;
        }
        List<Row> rows = new ArrayList<>();
        for (var e : linear.entrySet()) {
            if (e.getKey().equals(FLOOR)) {
                continue;
            }
            List<Integer> seeds = new ArrayList<>(new TreeSet<>(e.getValue().keySet()));
            seeds.retainAll(floor.keySet());
            double[] a = seeds.stream().mapToDouble(s -> e.getValue().get(s)).toArray();
            double[] b = seeds.stream().mapToDouble(floor::get).toArray();
            double diff = 0;
            for (int i = 0; i < a.length; i++) {
                diff += (a[i] - b[i]) / a.length;
            }
            rows.add(new Row(e.getKey(), rowOf.get(e.getKey()), PairedTTest.test(a, b), a.length == 0 ? Double.NaN : diff,
                    meanRank(ranks.get(e.getKey()))));
        }
        // the ceiling first, then the methods by their gain over the floor
        rows.sort((x, y) -> x.method().equals(CEILING) ? -1 : y.method().equals(CEILING) ? 1
                : Double.compare(gain(y), gain(x)));
        Curve curve = curve(finetune);
        double floorRank = meanRank(ranks.get(FLOOR));
        return new Section(rows, curve, markdown(rows, floor, floorRank, curve, rowOf.get(FLOOR)), csv(rows, floorRank),
                curveCsv(curve));
    }

    private static double meanRank(List<Double> r) {
        return r == null || r.isEmpty() ? Double.NaN : r.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static String rank(double r) {
        return Double.isNaN(r) ? "-" : String.format(Locale.ROOT, "%.1f", r);
    }

    /** The gain over the floor for ordering; rows without a defined test go last. */
    private static double gain(Row r) {
        double d = r.diff();
        return Double.isNaN(d) ? Double.NEGATIVE_INFINITY : d;
    }

    private static Curve curve(Map<String, Map<Integer, Map<Integer, Double>>> finetune) {
        TreeSet<Integer> fractions = new TreeSet<>();
        finetune.values().forEach(f -> fractions.addAll(f.keySet()));
        List<String> everywhere = finetune.entrySet().stream()
                .filter(e -> e.getValue().keySet().containsAll(fractions)).map(Map.Entry::getKey).toList();
        List<Double> means = new ArrayList<>();
        for (int f : fractions) {
            double sum = 0;
            for (String m : everywhere) {
                sum += finetune.get(m).get(f).values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            }
            means.add(everywhere.isEmpty() ? Double.NaN : sum / everywhere.size());
        }
        return new Curve(List.copyOf(fractions), means, List.of(everywhere.size()));
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", 100 * v);
    }

    private static String p(TTestResult t) {
        return t.defined() ? String.format(Locale.ROOT, t.p() < 0.001 ? "%.1e" : "%.3f", t.p()) : "-";
    }

    private static String markdown(List<Row> rows, Map<Integer, Double> floor, double floorRank, Curve curve,
                                   String floorRow) {
        StringBuilder md = new StringBuilder("## Controls: can these numbers tell representations apart?\n\n");
        double floorMean = floor.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        md.append("Floor: **").append(floorRow).append("**, the randomly initialised encoder (the paper's \"Sup.\"), ")
                .append("linear-probed on NIH with all labels: ").append(pct(floorMean)).append(" AUC over ")
                .append(floor.size()).append(" seed(s)")
                .append(Double.isNaN(floorRank) ? ". " : ", feature rank " + rank(floorRank) + ". ")
                .append(rows.stream().anyMatch(r -> r.method().equals(CEILING))
                        ? "Ceiling: **Supervised (labels)**, the encoder trained on the NIH training labels, then frozen "
                        + "and probed like the others. "
                        : "This grid has no supervised ceiling (method `supervised`; configs/grids/cpu-study.yaml has "
                        + "one), so nothing here shows that the task can separate representations. ")
                .append("Each row is a paired t-test over ")
                .append("the seeds both have (two-sided; the evaluation seeds pair them). A method no better than ")
                .append("the floor has learnt nothing the linear probe can use. The feature rank is the effective ")
                .append("rank of the frozen encoder's test features (each standardised; mean over the seeds): an ")
                .append("encoder whose rank is far below the floor's has collapsed its images onto a few directions.\n\n");
        md.append("| Encoder | seeds | NIH linear AUC (All), % | minus floor, points | t | p | feature rank |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            TTestResult t = r.test();
            md.append("| ").append(r.row()).append(" | ").append(t.n()).append(" | ").append(pct(t.meanA()))
                    .append(" | ").append(t.n() == 0 ? "-" : String.format(Locale.ROOT, "%+.1f", 100 * r.diff()))
                    .append(" | ").append(t.defined() ? String.format(Locale.ROOT, "%.2f", t.t()) : "-")
                    .append(" | ").append(p(t)).append(" | ").append(rank(r.rank())).append(" |\n");
        }
        md.append('\n');
        if (!curve.fractions().isEmpty()) {
            md.append("Fine-tuning on NIH, mean AUC over the ").append(curve.methods().get(0))
                    .append(" encoder(s) present at every fraction: ");
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < curve.fractions().size(); i++) {
                parts.add(curve.fractions().get(i) + "%: " + pct(curve.meanAuc().get(i)));
            }
            md.append(String.join(", ", parts)).append(curve.rising() ? " (rising with the labels).\n\n"
                    : " (**not rising** with the labels: the fine-tuning budget or the task does not let labels help).\n\n");
        }
        md.append("Files: [controls.csv](controls/controls.csv), [finetune_curve.csv](controls/finetune_curve.csv).\n\n");
        return md.toString();
    }

    private static String csv(List<Row> rows, double floorRank) {
        StringBuilder s = new StringBuilder("method,row,seeds,auc_pct,floor_auc_pct,diff_points,t,p,feature_rank,floor_feature_rank\n");
        for (Row r : rows) {
            TTestResult t = r.test();
            s.append(r.method()).append(',').append(quote(r.row())).append(',').append(t.n()).append(',')
                    .append(num(100 * t.meanA())).append(',').append(num(100 * t.meanB())).append(',')
                    .append(num(100 * r.diff())).append(',').append(t.defined() ? num(t.t()) : "").append(',')
                    .append(t.defined() ? num(t.p()) : "").append(',').append(num(r.rank())).append(',')
                    .append(num(floorRank)).append('\n');
        }
        return s.toString();
    }

    private static String curveCsv(Curve c) {
        StringBuilder s = new StringBuilder("label_fraction_pct,mean_finetune_auc_pct,encoders\n");
        for (int i = 0; i < c.fractions().size(); i++) {
            s.append(c.fractions().get(i)).append(',').append(num(100 * c.meanAuc().get(i))).append(',')
                    .append(c.methods().get(0)).append('\n');
        }
        return s.toString();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
