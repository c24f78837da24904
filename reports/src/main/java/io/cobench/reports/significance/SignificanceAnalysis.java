package io.cobench.reports.significance;

import io.cobench.cli.UserError;
import io.cobench.reports.io.LabelledScores;
import io.cobench.reports.io.PerSampleFile;
import io.cobench.reports.stats.AucBootstrap;
import io.cobench.reports.stats.Holm;
import io.cobench.reports.stats.PairedTTest;
import io.cobench.reports.stats.TTestResult;
import io.cobench.reports.store.EvalCell;
import io.cobench.reports.tables.CellStats;
import io.cobench.reports.tables.Column;
import io.cobench.reports.tables.Layout;
import io.cobench.reports.tables.ResultTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tests CoBooM (method key {@value Layout#COBOOM}) against every baseline in every column.
 *
 * <ul>
 *   <li>{@value #SEED_T}: paired t-test of the per-seed headline values, paired by seed.</li>
 *   <li>{@value #IMAGE_T} (Dice columns): paired t-test over test images of per_image.csv, each
 *       image's Dice first averaged over the method's seeds.</li>
 *   <li>{@value #BOOTSTRAP} (AUC columns): paired bootstrap of mean AUC over test images
 *       (predictions.csv + labels.csv), see {@link AucBootstrap}.</li>
 * </ul>
 * Baselines are all rows whose method key does not start with "coboom" (the ablations are
 * CoBooM variants, not baselines). A family for Holm's correction is one table and one test
 * kind, across all its columns and baselines. Bootstrap seeds derive from the given seed and
 * the column, so a report is reproducible and columns do not share draws by accident.
 */
public final class SignificanceAnalysis {
    public static final String SEED_T = "t-test (seeds)";
    public static final String IMAGE_T = "t-test (images)";
    public static final String BOOTSTRAP = "bootstrap (images)";
    static final double LEVEL = 0.95;
    /**
     * How far a mean AUC recomputed from predictions.csv may stray from metrics.json before the
     * report says so: predictions are stored as text, and rounding can create or break ties.
     */
    static final double RECOMPUTE_TOLERANCE = 5e-4;

    /**
     * How to run it.
     *
     * @param classes    15 or 14: NIH mean with or without "No Finding"
     * @param replicates bootstrap replicates; 0 skips the bootstrap
     * @param seed       base seed of the bootstrap
     */
    public record Options(int classes, int replicates, long seed) {
    }

    /**
     * Everything the analysis found.
     *
     * @param comparisons one line per test, Holm-adjusted
     * @param intervals   bootstrap CIs of every method's AUC
     * @param notes       tests that could not be run, and why
     * @param testParity  whether any cell involved was selected on the test set
     */
    public record Result(List<Comparison> comparisons, List<AucInterval> intervals, List<String> notes,
                         boolean testParity) {
    }

    private SignificanceAnalysis() {
    }

    public static Result run(List<ResultTable> tables, List<EvalCell> cells, Options opt) {
        Map<String, EvalCell> byDir = new LinkedHashMap<>();
        cells.forEach(c -> byDir.put(c.relative(), c));
        List<Comparison> out = new ArrayList<>();
        List<AucInterval> intervals = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean parity = false;
        for (ResultTable t : tables) {
            for (Column c : Layout.COLUMNS) {
                Optional<CellStats> ref = t.rows().stream().map(r -> t.cell(r, c)).flatMap(Optional::stream)
                        .filter(s -> s.method().equals(Layout.COBOOM)).findFirst();
                if (ref.isEmpty()) {
                    continue;
                }
                List<CellStats> baselines = t.rows().stream().map(r -> t.cell(r, c)).flatMap(Optional::stream)
                        .filter(s -> !s.method().startsWith(Layout.COBOOM) && !s.method().equals(Layout.CEILING)).toList();
                if (baselines.isEmpty()) {
                    continue;
                }
                parity |= ref.get().testParity() || baselines.stream().anyMatch(CellStats::testParity);
                String where = "Table " + t.spec().number() + " " + c.header();
                for (CellStats b : baselines) {
                    out.add(seedTest(t.spec().number(), c, ref.get(), b));
                }
                if (c.metric().equals("Dice")) {
                    for (CellStats b : baselines) {
                        imageTest(t.spec().number(), c, ref.get(), b, byDir, notes).ifPresent(out::add);
                    }
                } else if (opt.replicates() > 0) {
                    bootstrap(t, c, ref.get(), baselines, byDir, opt, notes, out, intervals, where);
                }
            }
        }
        return new Result(holm(out), intervals, notes, parity);
    }

    private static Comparison seedTest(int table, Column c, CellStats ref, CellStats b) {
        List<Integer> common = ref.seeds().stream().filter(b.seeds()::contains).toList();
        double[] x = common.stream().mapToDouble(s -> ref.values().get(ref.seeds().indexOf(s))).toArray();
        double[] y = common.stream().mapToDouble(s -> b.values().get(b.seeds().indexOf(s))).toArray();
        TTestResult r = PairedTTest.test(x, y);
        String note = r.defined() ? "" : r.undefinedReason() + " (common seeds: " + common + ")";
        return new Comparison(table, c.header(), b.row(), SEED_T, r.n(), r.meanA(), r.meanB(),
                r.n() == 0 ? Double.NaN : r.meanA() - r.meanB(), r.t(), r.p(), Double.NaN, Double.NaN, Double.NaN,
                note);
    }

    private static Optional<Comparison> imageTest(int table, Column c, CellStats ref, CellStats b,
                                                  Map<String, EvalCell> byDir, List<String> notes) {
        String where = "Table " + table + " " + c.header() + " " + b.row();
        try {
            Optional<PerSampleFile> x = meanPerImage(ref, byDir);
            Optional<PerSampleFile> y = meanPerImage(b, byDir);
            if (x.isEmpty() || y.isEmpty()) {
                notes.add(where + ": per-image t-test skipped, per_image.csv missing in some seeds");
                return Optional.empty();
            }
            double[][] pairs = x.get().pairWith(y.get());
            TTestResult r = PairedTTest.test(pairs[0], pairs[1]);
            return Optional.of(new Comparison(table, c.header(), b.row(), IMAGE_T, r.n(), r.meanA(), r.meanB(),
                    r.meanA() - r.meanB(), r.t(), r.p(), Double.NaN, Double.NaN, Double.NaN,
                    r.defined() ? "" : r.undefinedReason()));
        } catch (UserError e) {
            notes.add(where + ": per-image t-test skipped: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Each image's Dice averaged over the cell's seeds; empty if a seed lacks per_image.csv. */
    private static Optional<PerSampleFile> meanPerImage(CellStats s, Map<String, EvalCell> byDir) {
        Map<String, Double> sum = new LinkedHashMap<>();
        PerSampleFile first = null;
        for (String dir : s.cellDirs()) {
            EvalCell cell = byDir.get(dir);
            if (!cell.hasPerImage()) {
                return Optional.empty();
            }
            PerSampleFile f = PerSampleFile.read(cell.perImage());
            if (first == null) {
                first = f;
            } else {
                first.pairWith(f);
            }
            f.values().forEach((id, v) -> sum.merge(id, v, Double::sum));
        }
        int n = s.cellDirs().size();
        sum.replaceAll((id, v) -> v / n);
        return Optional.of(new PerSampleFile(first.file(), sum));
    }

    private static void bootstrap(ResultTable t, Column c, CellStats ref, List<CellStats> baselines,
                                  Map<String, EvalCell> byDir, Options opt, List<String> notes, List<Comparison> out,
                                  List<AucInterval> intervals, String where) {
        List<CellStats> all = new ArrayList<>();
        all.add(ref);
        all.addAll(baselines);
        t.rows().stream().map(r -> t.cell(r, c)).flatMap(Optional::stream)
                .filter(s -> s != ref && s.method().startsWith(Layout.COBOOM)).forEach(all::add);
        Map<String, List<LabelledScores>> loaded = new LinkedHashMap<>();
        LabelledScores reference = null;
        for (CellStats s : all) {
            try {
                List<LabelledScores> runs = new ArrayList<>();
                for (String dir : s.cellDirs()) {
                    EvalCell cell = byDir.get(dir);
                    if (!cell.hasPredictions()) {
                        throw new UserError(dir + " has no predictions.csv/labels.csv");
                    }
                    LabelledScores run = LabelledScores.read(cell.predictions(), cell.labels());
                    if (c.dataset().equals("NIH") && opt.classes() == 14) {
                        run = run.select(run.classes().stream().filter(k -> !k.equals("No Finding")).toList());
                    }
                    if (reference == null) {
                        reference = run;
                    } else {
                        run = matchTo(run, reference, dir);
                    }
                    runs.add(run);
                }
                loaded.put(s.row(), runs);
            } catch (UserError e) {
                if (s == ref) {
                    notes.add(where + ": bootstrap skipped, CoBooM's predictions unusable: " + e.getMessage());
                    return;
                }
                notes.add(where + " " + s.row() + ": bootstrap skipped: " + e.getMessage());
            }
        }
        AucBootstrap boot = new AucBootstrap(reference.ids().size());
        loaded.forEach((row, runs) -> runs.forEach(r -> boot.add(row, r)));
        AucBootstrap.BootstrapResult res = boot.run(opt.replicates(), bootstrapSeed(opt.seed(), t.spec().protocol(), c));
        for (CellStats s : all) {
            if (!loaded.containsKey(s.row())) {
                continue;
            }
            double recomputed = res.point().get(s.row());
            if (Math.abs(recomputed - s.mean()) > RECOMPUTE_TOLERANCE) {
                notes.add(where + " " + s.row() + ": mean AUC recomputed from predictions.csv ("
                        + String.format(java.util.Locale.ROOT, "%.4f", recomputed) + ") differs from the table's "
                        + "metrics.json value (" + String.format(java.util.Locale.ROOT, "%.4f", s.mean()) + ")");
            }
            double[] ci = res.interval(s.row(), LEVEL);
            intervals.add(new AucInterval(t.spec().number(), c.header(), s.row(), s.n(), res.point().get(s.row()),
                    ci[0], ci[1]));
        }
        for (CellStats b : baselines) {
            if (!loaded.containsKey(b.row())) {
                continue;
            }
            AucBootstrap.Difference d = res.difference(ref.row(), b.row(), LEVEL);
            out.add(new Comparison(t.spec().number(), c.header(), b.row(), BOOTSTRAP, d.replicates(),
                    res.point().get(ref.row()), res.point().get(b.row()), d.point(), Double.NaN, d.p(), Double.NaN,
                    d.lo(), d.hi(), ""));
        }
    }

    /** The bootstrap seed of one column: fixed by the base seed, different for every column. */
    static long bootstrapSeed(long base, String protocol, Column c) {
        return base * 1_000_003L + (protocol + "/" + c.key()).hashCode();
    }

    /** The run's samples in the reference order; ids and labels must agree with the reference. */
    private static LabelledScores matchTo(LabelledScores run, LabelledScores ref, String dir) {
        if (!run.classes().equals(ref.classes())) {
            throw new UserError(dir + ": classes " + run.classes() + " differ from " + ref.classes());
        }
        Map<String, Integer> idx = new LinkedHashMap<>();
        for (int i = 0; i < run.ids().size(); i++) {
            idx.put(run.ids().get(i), i);
        }
        if (idx.size() != ref.ids().size() || !idx.keySet().containsAll(ref.ids())) {
            throw new UserError(dir + ": test images differ from those of the other cells in the column");
        }
        int n = ref.ids().size();
        double[][] s = new double[n][];
        boolean[][] y = new boolean[n][];
        for (int i = 0; i < n; i++) {
            int j = idx.get(ref.ids().get(i));
            s[i] = run.scores()[j];
            y[i] = run.labels()[j];
            if (!Arrays.equals(y[i], ref.labels()[i])) {
                throw new UserError(dir + ": labels of image " + ref.ids().get(i) + " differ from the other cells");
            }
        }
        return new LabelledScores(ref.ids(), ref.classes(), s, y);
    }

    /** Adjusts p within each (table, test) family. */
    static List<Comparison> holm(List<Comparison> rows) {
        Map<String, List<Integer>> families = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            families.computeIfAbsent(rows.get(i).table() + "|" + rows.get(i).test(), k -> new ArrayList<>()).add(i);
        }
        List<Comparison> out = new ArrayList<>(rows);
        for (List<Integer> fam : families.values()) {
            double[] p = fam.stream().mapToDouble(i -> rows.get(i).p()).toArray();
            double[] adj = Holm.adjust(p);
            for (int k = 0; k < fam.size(); k++) {
                out.set(fam.get(k), rows.get(fam.get(k)).withHolm(adj[k]));
            }
        }
        return out;
    }
}
