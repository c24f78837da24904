package io.cobench.reports.figures;

import java.awt.Color;
import java.util.List;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One colour and one marker per table row, the same in every figure: the i-th row of the report's
 * row order (the paper's, for the paper's grids) gets the i-th colour. Eleven rows need eleven
 * colours that stay apart on white paper and in print: Okabe and Ito's colour-blind-safe set
 * without its yellow and sky blue (too light on white), completed with dark hues from Paul Tol's
 * muted scheme and one from ColorBrewer's Dark2. CoBooM (Ours w/Dec.) gets the strongest,
 * vermillion; Sup. black. The marker tells lines apart where colours alone would not (grey-scale
 * print, colour blindness).
 */
public final class Palette {
    private static final List<Color> COLOURS = List.of(
            new Color(0x000000),  // Sup.
            new Color(0x0072B2),  // SimCLR: blue
            new Color(0xE69F00),  // BYOL: orange
            new Color(0x009E73),  // SwAV: bluish green
            new Color(0xCC79A7),  // VICReg: reddish purple
            new Color(0x882255),  // CAiD: wine
            new Color(0x999933),  // PCRLv2: olive
            new Color(0x44AA99),  // DiRA: teal
            new Color(0x332288),  // Ours w/o Dec.: indigo
            new Color(0xD55E00),  // Ours w/Dec.: vermillion
            new Color(0xE7298A)); // Ours w/o DF.: magenta (Dark2)
    private static final List<Marker> MARKERS = List.of(SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE,
            SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS,
            SeriesMarkers.PLUS, SeriesMarkers.OVAL, SeriesMarkers.RECTANGLE, SeriesMarkers.DIAMOND,
            SeriesMarkers.TRAPEZOID);
    /** Lines that are not methods: chance level, reference lines. */
    public static final Color REFERENCE = new Color(0x555555);

    private Palette() {
    }

    /** The row's colour by its place in {@code order}; rows outside it cycle through the same set. */
    public static Color colour(String row, List<String> order) {
        return COLOURS.get(index(row, order, COLOURS.size()));
    }

    public static Marker marker(String row, List<String> order) {
        return MARKERS.get(index(row, order, MARKERS.size()));
    }

    static int index(String row, List<String> order, int n) {
        int i = order.indexOf(row);
        return i >= 0 ? i % n : Math.floorMod(row.hashCode(), n);
    }
}
