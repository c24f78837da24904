import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The codebook figure of docs/fidelity.md from the runs' metrics.jsonl: share of codes used,
 * perplexity, drift ||E - E_start|| / ||E_start|| and the spread of the quantized features
 * against step, one line per run, each a 20-step trailing mean (single batches of 128 positions
 * are noisy). Prints a Markdown table of the means over the first and the last 50 steps. Run from
 * the repository root after a build:
 * java -cp "benchmark/target/lib/*" scripts/CoboomCodebookFigure.java runs/fidelity docs/figures/coboom-codebook.png coboom coboom-nodec ...
 */
public final class CoboomCodebookFigure {
    private static final int WINDOW = 20;
    private static final int TAIL = 50;

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: CoboomCodebookFigure RUNS_DIR OUT.png RUN...");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        Path out = Path.of(args[1]);
        String[] keys = {"code_usage", "perplexity", "codebook_drift", "feature_spread"};
        String[] titles = {"Codes in use (% of K)", "Perplexity", "Codebook drift from start",
            "Feature spread (variance / 2nd moment)"};
        List<XYChart> charts = new ArrayList<>();
        for (String t : titles) {
            XYChart c = new XYChartBuilder().width(520).height(380).title(t).xAxisTitle("step").build();
            c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
            c.getStyler().setChartBackgroundColor(Color.WHITE);
            charts.add(c);
        }
        ObjectMapper json = new ObjectMapper();
        System.out.println("| run | steps | code usage, first 50 -> last 50 | perplexity, first 50 -> last 50 "
                + "| drift at the end | feature spread, first 50 -> last 50 |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (int a = 2; a < args.length; a++) {
            Path f = dir.resolve(args[a]).resolve("metrics.jsonl");
            if (!Files.isRegularFile(f)) {
                System.err.println("no metrics at " + f);
                System.exit(2);
            }
            List<JsonNode> rows = new ArrayList<>();
            for (String line : Files.readAllLines(f)) {
                if (!line.isBlank()) {
                    JsonNode n = json.readTree(line);
                    if (n.has("step") && n.has(keys[0])) {
                        for (String k : keys) {
                            if (!n.has(k)) {
                                System.err.println(f + ": step " + n.get("step") + " has no '" + k + "'");
                                System.exit(2);
                            }
                        }
                        rows.add(n);
                    }
                }
            }
            if (rows.isEmpty()) {
                System.err.println(f + " has no codebook metrics");
                System.exit(2);
            }
            double[] step = rows.stream().mapToDouble(n -> n.get("step").asDouble()).toArray();
            double[][] v = new double[keys.length][];
            for (int k = 0; k < keys.length; k++) {
                final String key = keys[k];
                v[k] = rows.stream().mapToDouble(n -> n.get(key).asDouble() * (key.equals("code_usage") ? 100 : 1)).toArray();
                charts.get(k).addSeries(args[a], step, trailingMean(v[k])).setMarker(SeriesMarkers.NONE);
            }
            int last = rows.size() - 1;
            System.out.printf(Locale.ROOT, "| %s | %d | %.1f%% -> %.1f%% | %.2f -> %.2f | %.3f | %.3f -> %.3f |%n",
                    args[a], (long) step[last] + 1, head(v[0]), tail(v[0]), head(v[1]), tail(v[1]), v[2][last],
                    head(v[3]), tail(v[3]));
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        String base = out.toString().replaceFirst("\\.png$", "");
        BitmapEncoder.saveBitmap(List.copyOf(charts), 2, 2, base, BitmapEncoder.BitmapFormat.PNG);
    }

    private static double[] trailingMean(double[] x) {
        double[] m = new double[x.length];
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i];
            if (i >= WINDOW) {
                sum -= x[i - WINDOW];
            }
            m[i] = sum / Math.min(i + 1, WINDOW);
        }
        return m;
    }

    private static double head(double[] x) {
        int to = Math.min(TAIL, x.length);
        double s = 0;
        for (int i = 0; i < to; i++) {
            s += x[i];
        }
        return s / to;
    }

    private static double tail(double[] x) {
        int from = Math.max(0, x.length - TAIL);
        double s = 0;
        for (int i = from; i < x.length; i++) {
            s += x[i];
        }
        return s / (x.length - from);
    }
}
