package io.cobench.reports.figures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A pretraining run's curves from its metrics.jsonl: the loss and its terms, and the learning
 * rate of each parameter group, against step. Also the same numbers as one CSV per run, the
 * export a run tracker or a notebook reads (no Java writer of TensorBoard event files is kept
 * up on Maven Central).
 */
public final class TrainingCurves {
    /** Logged numbers that are neither loss terms nor learning rates. */
    static final Set<String> NOT_LOSS = Set.of("step", "epoch", "grad_norm", "img_per_s", "code_usage", "perplexity");
    private static final java.awt.Color[] TERM_COLOURS = {new java.awt.Color(0x000000), new java.awt.Color(0x0072B2),
        new java.awt.Color(0xE69F00), new java.awt.Color(0x009E73), new java.awt.Color(0xCC79A7),
        new java.awt.Color(0xD55E00), new java.awt.Color(0x882255), new java.awt.Color(0x999933)};

    private TrainingCurves() {
    }

    /** Loss terms (every logged number that is not a rate, a count or a throughput), "loss" first. */
    static List<String> lossTerms(List<Map<String, Double>> lines) {
        Set<String> keys = new TreeSet<>();
        lines.forEach(l -> keys.addAll(l.keySet()));
        List<String> out = new ArrayList<>();
        if (keys.contains("loss")) {
            out.add("loss");
        }
        keys.stream().filter(k -> !k.equals("loss") && !NOT_LOSS.contains(k) && !k.startsWith("lr_")).forEach(out::add);
        return out;
    }

    /** Both panels (PNG, SVG, PDF); false when the run logged nothing. */
    public static boolean write(String title, List<Map<String, Double>> lines, Path file) {
        if (lines.isEmpty()) {
            return false;
        }
        XYChart loss = CodebookFigure.chart(title + ": loss terms", "value");
        XYChart lr = CodebookFigure.chart(title + ": learning rate", "learning rate");
        List<String> terms = lossTerms(lines);
        for (int i = 0; i < terms.size(); i++) {
            add(loss, terms.get(i), lines, TERM_COLOURS[i % TERM_COLOURS.length], terms.get(i).equals("loss"));
        }
        Set<String> keys = new TreeSet<>();
        lines.forEach(l -> keys.addAll(l.keySet()));
        int k = 0;
        for (String key : keys) {
            if (key.startsWith("lr_")) {
                add(lr, key.substring(3) + " group", key, lines, TERM_COLOURS[k++ % TERM_COLOURS.length]);
            }
        }
        Figure.write(file, List.of(loss, lr));
        return true;
    }

    private static void add(XYChart c, String key, List<Map<String, Double>> lines, java.awt.Color colour, boolean bold) {
        XYSeries s = add(c, key, key, lines, colour);
        if (s != null && bold) {
            s.setLineWidth(2.5f);
        }
    }

    private static XYSeries add(XYChart c, String name, String key, List<Map<String, Double>> lines,
                                java.awt.Color colour) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (Map<String, Double> l : lines) {
            Double v = l.get(key);
            if (v != null && Double.isFinite(v)) {
                x.add(l.get("step"));
                y.add(v);
            }
        }
        if (x.isEmpty()) {
            return null;
        }
        XYSeries s = c.addSeries(name, x, y);
        s.setMarker(x.size() == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        s.setLineColor(colour);
        s.setMarkerColor(colour);
        return s;
    }

    /**
     * The run as CSV: {@code step} first, then every logged field in name order; lines of one step
     * (a method may log its codebook statistics on a line of their own) make one row, and a field
     * no line of that step logged is empty.
     */
    public static String csv(List<Map<String, Double>> lines) {
        Map<Long, Map<String, Double>> bySteps = new java.util.LinkedHashMap<>();
        Set<String> keys = new TreeSet<>();
        for (Map<String, Double> l : lines) {
            bySteps.computeIfAbsent(l.get("step").longValue(), k -> new java.util.HashMap<>()).putAll(l);
            keys.addAll(l.keySet());
        }
        keys.remove("step");
        StringBuilder sb = new StringBuilder("step");
        keys.forEach(k -> sb.append(',').append(k));
        sb.append('\n');
        for (Map.Entry<Long, Map<String, Double>> e : bySteps.entrySet()) {
            sb.append(e.getKey());
            for (String k : keys) {
                Double v = e.getValue().get(k);
                sb.append(',').append(v == null ? "" : k.equals("epoch") ? Long.toString(v.longValue()) : v.toString());
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
