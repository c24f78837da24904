package io.cobench.reports.figures;

import io.cobench.reports.store.CodebookPoint;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Codebook health over pretraining: share of codes used and perplexity against step, one line
 * per run. A collapsing codebook (few codes in use) is the classic VQ failure, and shows here
 * before it shows in any downstream table.
 */
public final class CodebookFigure {

    private CodebookFigure() {
    }

    /** Writes both charts side by side; false when no run logged codebook statistics. */
    public static boolean write(Map<String, List<CodebookPoint>> runs, Path file) {
        Png.headless();
        XYChart usage = chart("Codebook usage", "share of codes used (%)");
        XYChart perplexity = chart("Codebook perplexity", "perplexity");
        boolean any = false;
        for (Map.Entry<String, List<CodebookPoint>> e : runs.entrySet()) {
            List<CodebookPoint> pts = e.getValue();
            if (pts.isEmpty()) {
                continue;
            }
            double[] step = pts.stream().mapToDouble(CodebookPoint::step).toArray();
            usage.addSeries(e.getKey(), step, pts.stream().mapToDouble(p -> p.codeUsage() * 100).toArray())
                    .setMarker(SeriesMarkers.NONE);
            perplexity.addSeries(e.getKey(), step, pts.stream().mapToDouble(CodebookPoint::perplexity).toArray())
                    .setMarker(SeriesMarkers.NONE);
            any = true;
        }
        if (any) {
            Png.write(file, List.of(usage, perplexity));
        }
        return any;
    }

    private static XYChart chart(String title, String yTitle) {
        XYChart c = new XYChartBuilder().width(640).height(420).title(title).xAxisTitle("step").yAxisTitle(yTitle)
                .build();
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        c.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        return c;
    }
}
