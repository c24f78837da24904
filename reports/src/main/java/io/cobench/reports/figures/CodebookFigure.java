package io.cobench.reports.figures;

import io.cobench.reports.store.CodebookPoint;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
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

    /**
     * A run of the figure's legend.
     *
     * @param row    its table row (the colour)
     * @param label  legend text, e.g. "Ours w/Dec., seed 0"
     * @param points its logged statistics
     */
    public record Run(String row, String label, List<CodebookPoint> points) {
    }

    /** Writes both charts side by side (PNG, SVG, PDF); false when no run logged codebook statistics. */
    public static boolean write(List<Run> runs, List<String> order, Path file) {
        XYChart usage = chart("Codebook usage", "share of codes used (%)");
        XYChart perplexity = chart("Codebook perplexity", "perplexity");
        boolean any = false;
        for (Run r : runs) {
            List<CodebookPoint> pts = r.points();
            if (pts.isEmpty()) {
                continue;
            }
            double[] step = pts.stream().mapToDouble(CodebookPoint::step).toArray();
            style(usage.addSeries(r.label(), step, pts.stream().mapToDouble(p -> p.codeUsage() * 100).toArray()), r, order);
            style(perplexity.addSeries(r.label(), step, pts.stream().mapToDouble(CodebookPoint::perplexity).toArray()),
                    r, order);
            any = true;
        }
        if (any) {
            Figure.write(file, List.of(usage, perplexity));
        }
        return any;
    }

    private static void style(XYSeries s, Run r, List<String> order) {
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(Palette.colour(r.row(), order));
        // Seeds of one row share a colour; the dash tells them apart.
        if (r.label().matches(".*seed [1-9]\\d*$")) {
            s.setLineStyle(new java.awt.BasicStroke(1.8f, java.awt.BasicStroke.CAP_BUTT,
                    java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {5f, 3f}, 0f));
        }
    }

    static XYChart chart(String title, String yTitle) {
        XYChart c = new XYChartBuilder().width(560).height(440).title(title).xAxisTitle("step").yAxisTitle(yTitle)
                .build();
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        c.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        c.getStyler().setPlotBackgroundColor(java.awt.Color.WHITE);
        c.getStyler().setPlotGridLinesColor(new java.awt.Color(0xDDDDDD));
        return c;
    }
}
