package io.cobench.benchmark.store;

import io.cobench.benchmark.grid.Cell;
import io.cobench.benchmark.metrics.Metrics;
import io.cobench.benchmark.protocol.ClassificationScores;
import io.cobench.benchmark.protocol.FeatureSpectrum;
import io.cobench.benchmark.protocol.Outcome;
import io.cobench.cli.UserError;
import io.cobench.io.AtomicFiles;
import io.cobench.io.Json;
import io.cobench.reports.io.CsvRows;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Writes one finished evaluation into its cell directory: predictions and truth first, then
 * metrics.json and provenance.json, then DONE. The metrics are computed here from exactly the
 * arrays written, so recomputing them from the files gives the same numbers.
 */
public final class CellWriter {
    private CellWriter() {
    }

    /** Who the cell belongs to and under which config, beyond what the cell id says. */
    public record Labels(String row, String selection, String configHash, String pretrainRun) {
    }

    /** Scores {@code out} and writes the cell; returns the metrics written. */
    public static CellMetrics write(Path dir, Cell cell, Outcome out, Labels labels, Map<String, Object> provenance,
                                    Metrics metrics) {
        ResultsStore.begin(dir);
        CellMetrics m;
        if (out.segmentation()) {
            writeSegmentation(dir, out);
            double mean = out.dice().stream().mapToDouble(Metrics.DiceCounts::dice).average().orElse(Double.NaN);
            double pooled = Metrics.DiceCounts.pooled(out.dice());
            m = new CellMetrics(cell.id(), cell.method(), labels.row(), cell.protocol().key(),
                    cell.dataset().display(), cell.fraction(), cell.seed(), "Dice", mean, null, null, null, null,
                    mean, pooled, labels.selection(), labels.configHash(), labels.pretrainRun(), out.testIds().size(),
                    null, null);
        } else {
            PredictionFiles.write(dir.resolve("predictions.csv"),
                    new PredictionFiles.Table(out.classes(), out.testIds(), out.probs()));
            PredictionFiles.write(dir.resolve("labels.csv"),
                    new PredictionFiles.Table(out.classes(), out.testIds(), out.labels()));
            ClassificationScores s = ClassificationScores.of(out.classes(), out.probs(), out.labels(), metrics);
            boolean nih = out.classes().contains(ClassificationScores.NO_FINDING);
            FeatureSpectrum spread = out.spectrum();
            if (spread != null) {
                writeSpectrum(dir.resolve(SPECTRUM), spread);
            }
            m = new CellMetrics(cell.id(), cell.method(), labels.row(), cell.protocol().key(),
                    cell.dataset().display(), cell.fraction(), cell.seed(), "AUC", s.mean(), out.classes(),
                    s.perClass(), s.mean(), nih ? s.meanWithoutNoFinding() : null, null, null, labels.selection(),
                    labels.configHash(), labels.pretrainRun(), out.testIds().size(),
                    rank(spread), topShare(spread));
        }
        Json.writeJson(dir.resolve("metrics.json"), m);
        Json.writeJson(dir.resolve("provenance.json"), provenance);
        ResultsStore.finish(dir);
        return m;
    }

    /**
     * per_image.csv ({@code id,dice}, the contract's two columns, full double precision) and
     * overlap.csv ({@code id,intersection,predicted,truth}), whose pixel counts give the pooled Dice.
     */
    private static void writeSegmentation(Path dir, Outcome out) {
        StringBuilder dice = new StringBuilder("id,dice\n");
        StringBuilder overlap = new StringBuilder("id,intersection,predicted,truth\n");
        for (int i = 0; i < out.dice().size(); i++) {
            Metrics.DiceCounts c = out.dice().get(i);
            String id = PredictionFiles.quote(out.testIds().get(i));
            dice.append(id).append(',').append(c.dice()).append('\n');
            overlap.append(id).append(',').append(c.intersection()).append(',').append(c.predicted()).append(',')
                    .append(c.truth()).append('\n');
        }
        AtomicFiles.writeString(dir.resolve("per_image.csv"), dice.toString());
        AtomicFiles.writeString(dir.resolve("overlap.csv"), overlap.toString());
        for (int i = 0; i < out.testIds().size(); i++) {
            String file = safeName(out.testIds().get(i)) + ".png";
            if (out.masks() != null) {
                writeMask(dir.resolve("masks").resolve(file), out.masks().slice(i));
            }
            if (out.truth() != null) {
                writeMask(dir.resolve("truth").resolve(file), out.truth().slice(i));
            }
        }
    }

    /** Image ids become file names; anything outside a safe set is replaced. */
    public static String safeName(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static void writeMask(Path file, INDArray mask) {
        INDArray m = mask.reshape(mask.size(-2), mask.size(-1));
        int h = (int) m.size(0);
        int w = (int) m.size(1);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.getRaster().setSample(x, y, 0, m.getFloat(y, x) > 0.5f ? 255 : 0);
            }
        }
        AtomicFiles.write(file, o -> {
            if (!ImageIO.write(img, "png", o)) {
                throw new IOException("no PNG writer");
            }
        });
    }

    /** Reads a finished cell's metrics.json. */
    public static CellMetrics read(Path dir) {
        return Json.readJson(dir.resolve("metrics.json"), CellMetrics.class);
    }

    /** Recomputes a cell's metrics from its stored files alone (predictions and truth). */
    public static CellMetrics rescore(Path dir, Metrics metrics) {
        CellMetrics stored = read(dir);
        if ("Dice".equals(stored.metric())) {
            PredictionFiles.Table t = PredictionFiles.read(dir.resolve("overlap.csv"));
            List<Metrics.DiceCounts> counts = new ArrayList<>();
            for (float[] r : t.values()) {
                counts.add(new Metrics.DiceCounts((long) r[0], (long) r[1], (long) r[2]));
            }
            double mean = counts.stream().mapToDouble(Metrics.DiceCounts::dice).average().orElse(Double.NaN);
            return new CellMetrics(stored.cell(), stored.method(), stored.row(), stored.protocol(), stored.dataset(),
                    stored.labelFraction(), stored.seed(), "Dice", mean, null, null, null, null, mean,
                    Metrics.DiceCounts.pooled(counts), stored.selection(), stored.configHash(), stored.pretrainRun(),
                    t.ids().size(), null, null);
        }
        PredictionFiles.Table p = PredictionFiles.read(dir.resolve("predictions.csv"));
        PredictionFiles.Table y = PredictionFiles.read(dir.resolve("labels.csv"));
        if (!p.ids().equals(y.ids()) || !p.columns().equals(y.columns())) {
            throw new IllegalStateException(dir + ": predictions.csv and labels.csv disagree on ids or columns");
        }
        ClassificationScores s = ClassificationScores.of(p.columns(), p.values(), y.values(), metrics);
        boolean nih = p.columns().contains(ClassificationScores.NO_FINDING);
        FeatureSpectrum spread = Files.exists(dir.resolve(SPECTRUM)) ? readSpectrum(dir.resolve(SPECTRUM)) : null;
        return new CellMetrics(stored.cell(), stored.method(), stored.row(), stored.protocol(), stored.dataset(),
                stored.labelFraction(), stored.seed(), "AUC", s.mean(), p.columns(), s.perClass(), s.mean(),
                nih ? s.meanWithoutNoFinding() : null, null, null, stored.selection(), stored.configHash(),
                stored.pretrainRun(), p.ids().size(),
                rank(spread), topShare(spread));
    }

    /** The file of a linear cell's feature spectrum: {@code component,eigenvalue}, largest first. */
    public static final String SPECTRUM = "feature_spectrum.csv";

    /** metrics.json's feature_rank: null for a cell without a spectrum or without variance. */
    private static Double rank(FeatureSpectrum spread) {
        return spread == null ? null : finite(spread.effectiveRank());
    }

    /** metrics.json's feature_top_share, null as {@link #rank}. */
    private static Double topShare(FeatureSpectrum spread) {
        return spread == null ? null : finite(spread.topShare());
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static void writeSpectrum(Path file, FeatureSpectrum spread) {
        StringBuilder sb = new StringBuilder("component,eigenvalue\n");
        double[] ev = spread.eigenvalues();
        for (int i = 0; i < ev.length; i++) {
            sb.append(i + 1).append(',').append(ev[i]).append('\n');
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    /** Reads feature_spectrum.csv back; a defect names the file and the line. */
    static FeatureSpectrum readSpectrum(Path file) {
        CsvRows csv = CsvRows.read(file);
        if (!csv.header().equals(List.of("component", "eigenvalue"))) {
            throw new UserError(file + ": line 1 must be the header 'component,eigenvalue'");
        }
        double[] ev = new double[csv.rows().size()];
        for (int i = 0; i < ev.length; i++) {
            CsvRows.Row r = csv.rows().get(i);
            String text = String.join(",", r.fields());
            try {
                if (Integer.parseInt(r.get(0)) != i + 1) {
                    throw new NumberFormatException("expected component " + (i + 1));
                }
                ev[i] = Double.parseDouble(r.get(1));
            } catch (NumberFormatException e) {
                throw new UserError(file + ": line " + r.line() + " '" + text + "' is not 'component,eigenvalue' ("
                        + e.getMessage() + ")");
            }
            if (!(ev[i] >= 0)) {
                throw new UserError(file + ": line " + r.line() + ": eigenvalue " + r.get(1) + " is not >= 0");
            }
        }
        return new FeatureSpectrum(ev);
    }
}
