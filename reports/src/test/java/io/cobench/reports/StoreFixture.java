package io.cobench.reports;

import io.cobench.io.Json;
import io.cobench.reports.metrics.Auc;
import io.cobench.reports.metrics.MultiLabelAuc;
import io.cobench.reports.tables.Layout;
import io.cobench.reports.tables.PaperValues;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Writes hand-made results stores in the layout of docs/results-store.md, for tests: the paper's
 * own numbers as a one-seed store, and a small synthetic store whose metrics.json values are
 * computed from the predictions it also writes.
 */
public final class StoreFixture {

    /**
     * The paper's rows in its order, as the benchmark writes them to rows.json for the paper's grids
     * (each label is its provider's).
     */
    public static final List<String> ROWS = List.of("Sup.", "SimCLR", "BYOL", "SwAV", "VICReg", "CAiD",
            "PCRLv2", "DiRA", "Ours w/o Dec.", "Ours w/Dec.", "Ours w/o DF.");

    /** Registry key of each paper row. */
    public static final Map<String, String> METHOD_OF_ROW = new LinkedHashMap<>();

    static {
        List<String> keys = List.of("sup", "simclr", "byol", "swav", "vicreg", "caid", "pcrlv2", "dira",
                "coboom-nodec", "coboom", "coboom-nodf");
        for (int i = 0; i < keys.size(); i++) {
            METHOD_OF_ROW.put(ROWS.get(i), keys.get(i));
        }
    }

    public static final List<String> NIH_CLASSES = List.of("Atelectasis", "Cardiomegaly", "Consolidation", "Edema",
            "Effusion", "Emphysema", "Fibrosis", "Hernia", "Infiltration", "Mass", "No Finding", "Nodule",
            "Pleural_Thickening", "Pneumonia", "Pneumothorax");

    private StoreFixture() {
    }

    /** Plain writes: test stores need no fsync, and hundreds of synced files would slow the suite. */
    public static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeJson(Path file, Object value) {
        try {
            write(file, Json.JSON.writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One cell's metadata.
     *
     * @param protocol   linear or finetune
     * @param dataset    NIH, SIIM, MuReD or ODIR
     * @param fraction   label percentage
     * @param row        row label (method key from {@link #METHOD_OF_ROW} unless given)
     * @param method     registry key
     * @param seed       seed
     * @param configHash config hash
     * @param selection  val or test-parity
     */
    public record Cell(String protocol, String dataset, int fraction, String row, String method, int seed,
                       String configHash, String selection) {
        public static Cell of(String protocol, String dataset, int fraction, String row, int seed) {
            return new Cell(protocol, dataset, fraction, row, METHOD_OF_ROW.getOrDefault(row, row), seed,
                    "sha256:" + METHOD_OF_ROW.getOrDefault(row, row) + "-" + protocol, "val");
        }

        public Cell withHash(String h) {
            return new Cell(protocol, dataset, fraction, row, method, seed, h, selection);
        }

        public Cell withSelection(String s) {
            return new Cell(protocol, dataset, fraction, row, method, seed, configHash, s);
        }

        public Cell withMethod(String m) {
            return new Cell(protocol, dataset, fraction, row, m, seed, configHash, selection);
        }

        public String id() {
            return protocol + "__" + dataset.toLowerCase(Locale.ROOT) + "__f" + fraction + "__" + method + "__s" + seed;
        }
    }

    public static Path init(Path root) {
        writeJson(root.resolve("store.json"), Map.of("format", 1, "grid", "test", "created", "2024-01-01T00:00:00Z"));
        writeJson(root.resolve("rows.json"), Map.of("rows", ROWS));
        return root;
    }

    /** Writes eval/&lt;id&gt;/metrics.json (+ DONE when done) and returns the directory. */
    public static Path writeCell(Path root, Cell c, double value, Map<String, Object> extra, boolean done) {
        Path dir = root.resolve("eval").resolve(c.id());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cell", c.id());
        m.put("method", c.method());
        m.put("row", c.row());
        m.put("protocol", c.protocol());
        m.put("dataset", c.dataset());
        m.put("label_fraction", c.fraction());
        m.put("seed", c.seed());
        m.put("metric", c.dataset().equals("SIIM") ? "Dice" : "AUC");
        m.put("value", value);
        m.put("selection", c.selection());
        m.put("config_hash", c.configHash());
        m.put("pretrain_run", c.method().equals("sup") ? null : c.method() + "__chest__s" + c.seed());
        m.putAll(extra);
        writeJson(dir.resolve("metrics.json"), m);
        if (done) {
            write(dir.resolve("DONE"), "");
        }
        return dir;
    }

    /** The paper's Tables 1 and 2 as a store with one seed (0) per cell. */
    public static Path paperStore(Path root, PaperValues paper) {
        init(root);
        for (PaperValues.Entry e : paper.entries()) {
            double v = new BigDecimal(e.value()).movePointLeft(2).doubleValue();
            writeCell(root, Cell.of(e.protocol(), e.dataset(), e.fraction(), e.row(), 0), v, Map.of(), true);
        }
        return root;
    }

    /**
     * A small but complete store: every row and column of both tables with {@code seeds} seeds,
     * classification predictions and labels, SIIM per-image Dice, two CoBooM pretraining logs with
     * codebook statistics and, when asked, Grad-CAM overlays for three methods.
     */
    public static Path syntheticStore(Path root, int seeds, boolean gradcam) {
        init(root);
        Random rnd = new Random(42);
        Map<String, boolean[][]> labels = new LinkedHashMap<>();
        for (String protocol : List.of("linear", "finetune")) {
            for (int r = 0; r < ROWS.size(); r++) {
                String row = ROWS.get(r);
                // Stronger separation for later rows, CoBooM ("Ours w/Dec.") strongest.
                double strength = 0.3 + 0.12 * r + (row.equals("Ours w/Dec.") ? 0.6 : 0);
                for (int seed = 0; seed < seeds; seed++) {
                    for (var col : Layout.COLUMNS) {
                        Cell c = Cell.of(protocol, col.dataset(), col.fraction(), row, seed);
                        if (col.dataset().equals("SIIM")) {
                            writeSiim(root, c, strength, rnd);
                        } else {
                            List<String> classes = classesOf(col.dataset());
                            boolean[][] y = labels.computeIfAbsent(col.dataset() + col.fraction(),
                                    k -> randomLabels(classes, 40, rnd));
                            writeClassification(root, c, classes, y, strength * (1 + col.fraction() / 100.0), rnd);
                        }
                    }
                }
            }
        }
        writePretrain(root, "coboom__chest__s0", true, 0.9);
        writePretrain(root, "coboom__chest__s1", true, 0.7);
        writePretrain(root, "byol__chest__s0", false, 0);
        write(root.resolve("eval/linear__nih__f1__coboom__s99/metrics.json"), "{}");
        if (gradcam) {
            for (String m : List.of("coboom", "dira", "caid")) {
                for (String cls : List.of("Atelectasis", "Effusion", "Cardiomegaly", "Mass")) {
                    for (String id : List.of("00013118_008", "00014716_007")) {
                        writeOverlay(root.resolve("gradcam").resolve(m).resolve(cls).resolve(id + ".png"), rnd);
                    }
                }
            }
        }
        return root;
    }

    static List<String> classesOf(String dataset) {
        return switch (dataset) {
            case "NIH" -> NIH_CLASSES;
            case "MuReD" -> List.of("DR", "NORMAL", "MH", "ODC", "TSLN");
            case "ODIR" -> List.of("N", "D", "G", "C");
            default -> throw new IllegalArgumentException(dataset);
        };
    }

    /** Random labels; NIH's Hernia has no positive at all, so its AUC is undefined. */
    static boolean[][] randomLabels(List<String> classes, int n, Random rnd) {
        boolean[][] y = new boolean[n][classes.size()];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < classes.size(); k++) {
                y[i][k] = !classes.get(k).equals("Hernia") && (i % 4 == k % 4 || rnd.nextDouble() < 0.2);
            }
        }
        return y;
    }

    static void writeClassification(Path root, Cell c, List<String> classes, boolean[][] y, double strength,
                                    Random rnd) {
        int n = y.length;
        double[][] s = new double[n][classes.size()];
        StringBuilder pred = new StringBuilder("id," + String.join(",", classes) + "\n");
        StringBuilder lab = new StringBuilder("id," + String.join(",", classes) + "\n");
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        // Labels are written in a different order from predictions: ids match by value.
        java.util.Collections.reverse(order);
        for (int i = 0; i < n; i++) {
            String id = String.format("%08d_000.png", i + 1);
            pred.append(id);
            for (int k = 0; k < classes.size(); k++) {
                double z = strength * (y[i][k] ? 1 : -1) + rnd.nextGaussian();
                // Round to 3 decimals so ties occur, as they do with real sigmoid outputs in float32.
                s[i][k] = Math.round(1000.0 / (1 + Math.exp(-z))) / 1000.0;
                pred.append(',').append(s[i][k]);
            }
            pred.append('\n');
        }
        for (int i : order) {
            lab.append(String.format("%08d_000.png", i + 1));
            for (int k = 0; k < classes.size(); k++) {
                lab.append(',').append(y[i][k] ? 1 : 0);
            }
            lab.append('\n');
        }
        MultiLabelAuc auc = Auc.multiLabel(classes, s, y);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("classes", classes);
        Map<String, Double> per = new LinkedHashMap<>();
        for (int k = 0; k < classes.size(); k++) {
            per.put(classes.get(k), auc.perClass().get(k));
        }
        extra.put("auc_per_class", per);
        extra.put("auc_mean", auc.mean().getAsDouble());
        if (c.dataset().equals("NIH")) {
            extra.put("auc_mean_14", auc.without("No Finding").mean().getAsDouble());
        }
        extra.put("n_test", n);
        Path dir = writeCell(root, c, auc.mean().getAsDouble(), extra, false);
        write(dir.resolve("predictions.csv"), pred.toString());
        write(dir.resolve("labels.csv"), lab.toString());
        write(dir.resolve("DONE"), "");
    }

    static void writeSiim(Path root, Cell c, double strength, Random rnd) {
        StringBuilder sb = new StringBuilder("id,dice\n");
        double sum = 0;
        int n = 12;
        for (int i = 0; i < n; i++) {
            double d = Math.max(0, Math.min(1, 0.2 + 0.3 * strength + 0.15 * rnd.nextGaussian()));
            d = Math.round(d * 1000) / 1000.0;
            sum += d;
            sb.append(String.format("1.2.276.0.7230010.3.1.4.%d", i)).append(',').append(d).append('\n');
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("dice_mean", sum / n);
        extra.put("dice_pooled", sum / n);
        Path dir = writeCell(root, c, sum / n, extra, false);
        write(dir.resolve("per_image.csv"), sb.toString());
        write(dir.resolve("DONE"), "");
    }

    static void writePretrain(Path root, String id, boolean codebook, double finalUsage) {
        Path dir = root.resolve("pretrain").resolve(id);
        StringBuilder sb = new StringBuilder();
        for (int step = 0; step <= 200; step += 20) {
            sb.append(String.format(Locale.ROOT, "{\"step\":%d,\"loss\":%.3f}%n", step, 2.0 - step / 200.0));
            if (codebook) {
                double u = finalUsage * (0.2 + 0.8 * step / 200.0);
                sb.append(String.format(Locale.ROOT, "{\"step\":%d,\"code_usage\":%.4f,\"perplexity\":%.2f}%n", step, u,
                        u * 1024 * 0.6));
            }
        }
        write(dir.resolve("metrics.jsonl"), sb.toString());
        write(dir.resolve("DONE"), "");
    }

    static void writeOverlay(Path file, Random rnd) {
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.DARK_GRAY);
        g.fillRect(0, 0, 64, 64);
        g.setColor(new Color(255, rnd.nextInt(200), 0));
        g.fillOval(10 + rnd.nextInt(20), 10 + rnd.nextInt(20), 24, 24);
        g.setColor(Color.GREEN);
        g.drawRect(8, 8, 40, 40);
        g.dispose();
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(img, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
