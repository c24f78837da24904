package io.cobench.data.phantom;

/**
 * A soft 2-D shape in pixel coordinates: coverage 1 inside, 0 outside, with an anti-aliased
 * edge. Shapes are stamped into {@link Mask}s, which are then painted onto a {@link Canvas}.
 */
interface Shape {
    /** Pixels outside this box have zero coverage. */
    Box bounds();

    /** Coverage in [0, 1] at pixel centre (x, y). */
    double coverage(double x, double y);

    private static double ramp(double t) {
        return t <= 0 ? 0 : t >= 1 ? 1 : t * t * (3 - 2 * t);
    }

    /** A rotated ellipse whose edge fades over {@code soft} pixels. */
    static Shape ellipse(double cx, double cy, double rx, double ry, double angle, double soft) {
        double cos = StrictMath.cos(angle);
        double sin = StrictMath.sin(angle);
        double reach = Math.max(rx, ry) + soft + 1;
        double s = Math.max(soft, 0.5);
        Box box = new Box((int) Math.floor(cx - reach), (int) Math.floor(cy - reach),
                (int) Math.ceil(cx + reach) + 1, (int) Math.ceil(cy + reach) + 1);
        double minR = Math.max(Math.min(rx, ry), 1e-6);
        return new Shape() {
            @Override
            public Box bounds() {
                return box;
            }

            @Override
            public double coverage(double x, double y) {
                double dx = x - cx;
                double dy = y - cy;
                double u = (dx * cos + dy * sin) / rx;
                double v = (-dx * sin + dy * cos) / ry;
                double r = Math.sqrt(u * u + v * v);
                // signed distance to the edge, approximately in pixels along the short axis
                return ramp((1 - r) * minR / s + 0.5);
            }
        };
    }

    static Shape circle(double cx, double cy, double r, double soft) {
        return ellipse(cx, cy, r, r, 0, soft);
    }

    /** A rotated Gaussian bump, peak 1, truncated at three standard deviations. */
    static Shape gaussian(double cx, double cy, double sx, double sy, double angle) {
        double cos = StrictMath.cos(angle);
        double sin = StrictMath.sin(angle);
        double reach = 3 * Math.max(sx, sy) + 1;
        Box box = new Box((int) Math.floor(cx - reach), (int) Math.floor(cy - reach),
                (int) Math.ceil(cx + reach) + 1, (int) Math.ceil(cy + reach) + 1);
        return new Shape() {
            @Override
            public Box bounds() {
                return box;
            }

            @Override
            public double coverage(double x, double y) {
                double dx = x - cx;
                double dy = y - cy;
                double u = (dx * cos + dy * sin) / sx;
                double v = (-dx * sin + dy * cos) / sy;
                double q = u * u + v * v;
                return q > 9 ? 0 : StrictMath.exp(-0.5 * q);
            }
        };
    }

    /** A segment of half-width {@code r} with round caps. */
    static Shape capsule(double x0, double y0, double x1, double y1, double r, double soft) {
        double reach = r + soft + 1;
        Box box = new Box((int) Math.floor(Math.min(x0, x1) - reach), (int) Math.floor(Math.min(y0, y1) - reach),
                (int) Math.ceil(Math.max(x0, x1) + reach) + 1, (int) Math.ceil(Math.max(y0, y1) + reach) + 1);
        double dx = x1 - x0;
        double dy = y1 - y0;
        double len2 = dx * dx + dy * dy;
        double s = Math.max(soft, 0.5);
        return new Shape() {
            @Override
            public Box bounds() {
                return box;
            }

            @Override
            public double coverage(double x, double y) {
                double t = len2 == 0 ? 0 : ((x - x0) * dx + (y - y0) * dy) / len2;
                t = t < 0 ? 0 : t > 1 ? 1 : t;
                double ex = x - (x0 + t * dx);
                double ey = y - (y0 + t * dy);
                double d = Math.sqrt(ex * ex + ey * ey);
                return ramp((r - d) / s + 0.5);
            }
        };
    }
}
