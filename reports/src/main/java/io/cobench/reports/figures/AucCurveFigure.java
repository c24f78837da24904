package io.cobench.reports.figures;

import io.cobench.reports.tables.CellStats;
import io.cobench.reports.tables.Column;
import io.cobench.reports.tables.Layout;
import io.cobench.reports.tables.ResultTable;
import java.awt.BasicStroke;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Mean NIH AUC against label fraction, one line per method, error bars the SD over seeds, and
 * the chance level (AUC 50%). The fractions (1, 5, 10, 30, 100%) sit at equal steps, each tick
 * labelled: on a log axis 5% and 30% fall between decade ticks and go unlabelled.
 */
public final class AucCurveFigure {
    static final double CHANCE = 50;

    private AucCurveFigure() {
    }

    /** Draws the figure for one table (PNG, SVG, PDF); false (nothing written) when it has no NIH cells. */
    public static boolean write(ResultTable t, List<String> order, Path file) {
        Figure.headless();
        List<Column> nih = Layout.COLUMNS.stream().filter(c -> c.dataset().equals("NIH")).toList();
        XYChart chart = new XYChartBuilder().width(900).height(520)
                .title("NIH: mean AUC vs labelled data (" + t.spec().protocol() + ", Table " + t.spec().number()
                        + "); bars: SD over seeds"
                        + (t.testParity() ? " - WARNING: includes test-parity selection" : ""))
                .xAxisTitle("labelled training data").yAxisTitle("mean AUC (%)").build();
        var st = chart.getStyler();
        st.setLegendPosition(Styler.LegendPosition.OutsideE);
        st.setErrorBarsColorSeriesColor(true);
        st.setChartBackgroundColor(java.awt.Color.WHITE);
        st.setPlotBackgroundColor(java.awt.Color.WHITE);
        st.setPlotGridLinesColor(new java.awt.Color(0xDDDDDD));
        // XChart's own tick labels fall at round numbers of the axis, not at the fractions, and its
        // label callback loops forever on some widths: the labels are drawn over the chart instead.
        // XChart's own x labels keep their room under the plot and are painted over below.
        st.setPlotGridVerticalLinesVisible(false);
        st.setPlotContentSize(1.0);
        st.setXAxisMin(-0.4);
        st.setXAxisMax(nih.size() - 0.6);
        boolean any = false;
        double lo = CHANCE;
        double hi = CHANCE;
        for (String row : t.rows()) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            List<Double> err = new ArrayList<>();
            for (int i = 0; i < nih.size(); i++) {
                Optional<CellStats> s = t.cell(row, nih.get(i));
                if (s.isPresent()) {
                    double sd = Double.isNaN(s.get().sd()) ? 0.0 : s.get().sd() * 100;
                    x.add((double) i);
                    y.add(s.get().mean() * 100);
                    err.add(sd);
                    lo = Math.min(lo, s.get().mean() * 100 - sd);
                    hi = Math.max(hi, s.get().mean() * 100 + sd);
                }
            }
            if (!x.isEmpty()) {
                XYSeries s = chart.addSeries(row, x, y, err);
                s.setMarker(Palette.marker(row, order));
                s.setMarkerColor(Palette.colour(row, order));
                s.setLineColor(Palette.colour(row, order));
                s.setLineWidth(row.equals("Ours w/Dec.") ? 3f : 1.8f);
                any = true;
            }
        }
        if (!any) {
            return false;
        }
        double[] all = new double[nih.size()];
        double[] level = new double[nih.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
            level[i] = CHANCE;
        }
        XYSeries chance = chart.addSeries("chance (AUC 50%)", all, level);
        chance.setMarker(SeriesMarkers.NONE);
        chance.setLineColor(Palette.REFERENCE);
        chance.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f));
        st.setYAxisMin(Math.floor(lo / 5) * 5);
        st.setYAxisMax(Math.ceil(hi / 5) * 5);
        double yMin = st.getYAxisMin();
        Figure.write(file, chart.getWidth(), chart.getHeight(), g -> {
            chart.paint(g, chart.getWidth(), chart.getHeight());
            g.setColor(java.awt.Color.BLACK);
            g.setFont(st.getAxisTickLabelsFont());
            java.awt.FontMetrics fm = g.getFontMetrics();
            int base = (int) Math.round(chart.getScreenYFromChart(yMin));
            // Cover XChart's round-number labels (0, 1, 2 ... of the axis) and write the fractions.
            g.setColor(java.awt.Color.WHITE);
            int left = (int) Math.round(chart.getScreenXFromChart(-0.4));
            int right = (int) Math.round(chart.getScreenXFromChart(nih.size() - 0.6));
            g.fillRect(left - 12, base + 1, right - left + 24, fm.getHeight() + st.getAxisTickPadding() + 2);
            g.setColor(java.awt.Color.BLACK);
            for (int i = 0; i < nih.size(); i++) {
                int x = (int) Math.round(chart.getScreenXFromChart(i));
                String text = label(nih, i);
                g.drawLine(x, base, x, base + 4);
                g.drawString(text, x - fm.stringWidth(text) / 2, base + st.getAxisTickPadding() + fm.getAscent());
            }
        });
        return true;
    }

    /** "1%", "5%", ..., "All" at the integer positions. */
    static String label(List<Column> nih, double x) {
        long i = Math.round(x);
        if (Math.abs(x - i) > 1e-6 || i < 0 || i >= nih.size()) {
            return " ";
        }
        Column c = nih.get((int) i);
        return c.fraction() == 100 ? "All" : c.fraction() + "%";
    }
}
