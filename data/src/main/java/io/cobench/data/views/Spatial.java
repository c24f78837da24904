package io.cobench.data.views;

import java.util.SplittableRandom;

/** Geometric operations: random resized crop, horizontal flip, rotation about the centre. */
public final class Spatial {

    /** A crop rectangle in pixels. */
    public record Box(int top, int left, int height, int width) {
    }

    private Spatial() {
    }

    /**
     * torchvision's RandomResizedCrop parameters: up to ten tries of an area fraction in
     * [scaleMin, scaleMax] and an aspect ratio log-uniform in [3/4, 4/3]; then the central crop.
     */
    public static Box randomResizedCrop(int height, int width, double scaleMin, double scaleMax, SplittableRandom r) {
        double area = (double) height * width;
        double logLo = Math.log(3.0 / 4.0);
        double logHi = Math.log(4.0 / 3.0);
        for (int attempt = 0; attempt < 10; attempt++) {
            double target = area * uniform(r, scaleMin, scaleMax);
            double aspect = Math.exp(uniform(r, logLo, logHi));
            int w = (int) Math.round(Math.sqrt(target * aspect));
            int h = (int) Math.round(Math.sqrt(target / aspect));
            if (w > 0 && w <= width && h > 0 && h <= height) {
                int top = r.nextInt(height - h + 1);
                int left = r.nextInt(width - w + 1);
                return new Box(top, left, h, w);
            }
        }
        double inRatio = (double) width / height;
        int w = width;
        int h = height;
        if (inRatio < 3.0 / 4.0) {
            h = (int) Math.round(w / (3.0 / 4.0));
        } else if (inRatio > 4.0 / 3.0) {
            w = (int) Math.round(h * (4.0 / 3.0));
        }
        return new Box((height - h) / 2, (width - w) / 2, h, w);
    }

    /**
     * Crops {@code box} and resizes it to {@code size x size} with PIL's bilinear filter (a
     * triangle whose support widens when shrinking, so that downscaling averages rather than
     * aliases).
     */
    public static FloatImage resizedCrop(FloatImage src, Box box, int size) {
        if (box.top() < 0 || box.left() < 0 || box.top() + box.height() > src.height()
                || box.left() + box.width() > src.width()) {
            throw new IllegalArgumentException("crop " + box + " outside a " + src.height() + "x" + src.width() + " image");
        }
        Coeffs cx = coeffs(box.width(), size);
        Coeffs cy = coeffs(box.height(), size);
        FloatImage rows = new FloatImage(src.channels(), box.height(), size);
        for (int c = 0; c < src.channels(); c++) {
            for (int y = 0; y < box.height(); y++) {
                for (int x = 0; x < size; x++) {
                    double s = 0;
                    for (int k = 0; k < cx.weights[x].length; k++) {
                        s += cx.weights[x][k] * src.get(c, box.top() + y, box.left() + cx.start[x] + k);
                    }
                    rows.set(c, y, x, (float) s);
                }
            }
        }
        FloatImage out = new FloatImage(src.channels(), size, size);
        for (int c = 0; c < src.channels(); c++) {
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    double s = 0;
                    for (int k = 0; k < cy.weights[y].length; k++) {
                        s += cy.weights[y][k] * rows.get(c, cy.start[y] + k, x);
                    }
                    out.set(c, y, x, (float) s);
                }
            }
        }
        return out;
    }

    private record Coeffs(int[] start, double[][] weights) {
    }

    /** PIL's precompute_coeffs for the bilinear filter: source window and weights per output pixel. */
    private static Coeffs coeffs(int in, int out) {
        double scale = (double) in / out;
        double filterScale = Math.max(scale, 1.0);
        double support = filterScale;
        int[] start = new int[out];
        double[][] weights = new double[out][];
        for (int o = 0; o < out; o++) {
            double center = (o + 0.5) * scale;
            int lo = Math.max((int) (center - support + 0.5), 0);
            int hi = Math.min((int) (center + support + 0.5), in);
            double[] w = new double[Math.max(hi - lo, 0)];
            double sum = 0;
            for (int i = 0; i < w.length; i++) {
                double t = Math.abs((i + lo - center + 0.5) / filterScale);
                w[i] = t < 1 ? 1 - t : 0;
                sum += w[i];
            }
            for (int i = 0; i < w.length; i++) {
                w[i] /= sum;
            }
            start[o] = lo;
            weights[o] = w;
        }
        return new Coeffs(start, weights);
    }

    /** Mirror image left to right. */
    public static FloatImage hflip(FloatImage src) {
        FloatImage out = new FloatImage(src.channels(), src.height(), src.width());
        for (int c = 0; c < src.channels(); c++) {
            for (int y = 0; y < src.height(); y++) {
                for (int x = 0; x < src.width(); x++) {
                    out.set(c, y, x, src.get(c, y, src.width() - 1 - x));
                }
            }
        }
        return out;
    }

    /**
     * Rotates counter-clockwise by {@code degrees} about the image centre, keeping the size,
     * with nearest-neighbour sampling and 0 where the source lies outside (torchvision's
     * RandomRotation defaults on PIL images).
     */
    public static FloatImage rotate(FloatImage src, double degrees) {
        double a = Math.toRadians(degrees);
        double cos = Math.cos(a);
        double sin = Math.sin(a);
        double cx = src.width() / 2.0;
        double cy = src.height() / 2.0;
        FloatImage out = new FloatImage(src.channels(), src.height(), src.width());
        for (int y = 0; y < src.height(); y++) {
            for (int x = 0; x < src.width(); x++) {
                double dx = x + 0.5 - cx;
                double dy = y + 0.5 - cy;
                // Inverse map: with y pointing down, a counter-clockwise turn takes source
                // (sx, sy) to (sx cos + sy sin, -sx sin + sy cos) around the centre.
                double sx = dx * cos - dy * sin + cx;
                double sy = dx * sin + dy * cos + cy;
                int ix = (int) Math.floor(sx);
                int iy = (int) Math.floor(sy);
                if (ix < 0 || iy < 0 || ix >= src.width() || iy >= src.height()) {
                    continue;
                }
                for (int c = 0; c < src.channels(); c++) {
                    out.set(c, y, x, src.get(c, iy, ix));
                }
            }
        }
        return out;
    }

    static double uniform(SplittableRandom r, double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }
}
