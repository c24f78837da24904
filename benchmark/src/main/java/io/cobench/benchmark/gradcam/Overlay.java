package io.cobench.benchmark.gradcam;

import io.cobench.benchmark.data.FindingBox;
import java.awt.image.BufferedImage;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The PNG of Fig. 2: the grey image under a jet-coloured map (alpha 0.5), the finding's boxes in
 * white and the map's peak as a small cross, enlarged by {@code zoom} with nearest neighbours.
 */
public final class Overlay {
    private Overlay() {
    }

    /**
     * @param image one normalised image [C, H, W]; shown min-max stretched
     */
    public static BufferedImage render(INDArray image, Heatmap map, List<FindingBox> boxes, int zoom) {
        int s = map.size();
        INDArray grey = image.mean(0);
        double lo = grey.minNumber().doubleValue();
        double hi = grey.maxNumber().doubleValue();
        double max = map.max();
        BufferedImage out = new BufferedImage(s * zoom, s * zoom, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < s; y++) {
            for (int x = 0; x < s; x++) {
                double g = hi > lo ? (grey.getDouble(y, x) - lo) / (hi - lo) : 0;
                double t = max > 0 ? map.get(y, x) / max : 0;
                int[] jet = jet(t);
                int r = (int) Math.round(0.5 * g * 255 + 0.5 * jet[0]);
                int gr = (int) Math.round(0.5 * g * 255 + 0.5 * jet[1]);
                int b = (int) Math.round(0.5 * g * 255 + 0.5 * jet[2]);
                fill(out, x * zoom, y * zoom, zoom, zoom, (r << 16) | (gr << 8) | b);
            }
        }
        for (FindingBox box : boxes) {
            int x0 = clamp((int) Math.round(box.x() * zoom), out.getWidth());
            int y0 = clamp((int) Math.round(box.y() * zoom), out.getHeight());
            int x1 = clamp((int) Math.round((box.x() + box.w()) * zoom), out.getWidth());
            int y1 = clamp((int) Math.round((box.y() + box.h()) * zoom), out.getHeight());
            fill(out, x0, y0, x1 - x0 + 1, 1, 0xffffff);
            fill(out, x0, y1, x1 - x0 + 1, 1, 0xffffff);
            fill(out, x0, y0, 1, y1 - y0 + 1, 0xffffff);
            fill(out, x1, y0, 1, y1 - y0 + 1, 0xffffff);
        }
        int[] p = map.peak();
        if (p != null) {
            int cx = p[1] * zoom + zoom / 2;
            int cy = p[0] * zoom + zoom / 2;
            fill(out, cx - zoom, cy, 2 * zoom + 1, 1, 0xff00ff);
            fill(out, cx, cy - zoom, 1, 2 * zoom + 1, 0xff00ff);
        }
        return out;
    }

    /** The jet colour map at t in [0,1], as RGB 0..255. */
    static int[] jet(double t) {
        double r = clamp01(1.5 - Math.abs(4 * t - 3));
        double g = clamp01(1.5 - Math.abs(4 * t - 2));
        double b = clamp01(1.5 - Math.abs(4 * t - 1));
        return new int[] {(int) Math.round(r * 255), (int) Math.round(g * 255), (int) Math.round(b * 255)};
    }

    private static double clamp01(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static int clamp(int v, int n) {
        return Math.max(0, Math.min(n - 1, v));
    }

    private static void fill(BufferedImage img, int x, int y, int w, int h, int rgb) {
        for (int yy = Math.max(0, y); yy < Math.min(img.getHeight(), y + h); yy++) {
            for (int xx = Math.max(0, x); xx < Math.min(img.getWidth(), x + w); xx++) {
                img.setRGB(xx, yy, rgb);
            }
        }
    }
}
