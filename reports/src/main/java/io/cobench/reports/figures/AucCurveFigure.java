package io.cobench.reports.figures;

import io.cobench.reports.tables.CellStats;
import io.cobench.reports.tables.Column;
import io.cobench.reports.tables.Layout;
import io.cobench.reports.tables.ResultTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Mean NIH AUC against label fraction, one line per method, error bars = SD over seeds. */
public final class AucCurveFigure {

    private AucCurveFigure() {
    }

    /** Draws the figure for one table; false (nothing written) when it has no NIH cells. */
    public static boolean write(ResultTable t, Path file) {
        Png.headless();
        List<Column> nih = Layout.COLUMNS.stream().filter(c -> c.dataset().equals("NIH")).toList();
        XYChart chart = new XYChartBuilder().width(900).height(560)
                .title("NIH: mean AUC vs label fraction (" + t.spec().protocol() + ", Table " + t.spec().number() + ")"
                        + (t.testParity() ? " - WARNING: includes test-parity selection" : ""))
                .xAxisTitle("labelled training data (%)").yAxisTitle("AUC (%)").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setXAxisDecimalPattern("0");
        boolean any = false;
        for (String row : t.rows()) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            List<Double> err = new ArrayList<>();
            for (Column c : nih) {
                Optional<CellStats> s = t.cell(row, c);
                if (s.isPresent()) {
                    x.add((double) c.fraction());
                    y.add(s.get().mean() * 100);
                    err.add(Double.isNaN(s.get().sd()) ? 0.0 : s.get().sd() * 100);
                }
            }
            if (!x.isEmpty()) {
                chart.addSeries(row, x, y, err).setMarker(SeriesMarkers.CIRCLE);
                any = true;
            }
        }
        if (any) {
            Png.write(file, chart);
        }
        return any;
    }
}
