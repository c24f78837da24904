package io.cobench.data.phantom;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Paints a frontal chest radiograph: body, lung fields with vessel markings, mediastinum, spine,
 * heart, diaphragm domes, ribs and clavicles, film grain. Findings are painted by
 * {@link ChestFindings} as local changes; each finding reports the region it painted. The
 * {@link Acquisition} then adds what varies between radiographs of one patient: devices, position,
 * exposure, collimation, noise and a side marker.
 *
 * <p>Every part draws from its own random stream, so a picture painted with and without one
 * finding differs only where that finding is (the localisation tests rely on it).
 */
final class ChestPainter {
    final int size;

    ChestPainter(int size) {
        this.size = size;
    }

    /** The painted picture, the region of each finding, and the pneumothorax regions one by one. */
    record Picture(Canvas canvas, Map<NihFinding, Mask> regions, List<Mask> pneumothorax) {
    }

    /**
     * @param ptxSides hemithoraces with a pneumothorax when it is among the findings: 1 (a random
     *     side) or 2 (both, giving two separate regions)
     */
    Picture paint(ChestAnatomy base, Set<NihFinding> findings, boolean ap, long seed, int ptxSides) {
        ChestAnatomy a = base.adjusted(findings, ap);
        int s = size;
        Canvas c = new Canvas(s, s, 1);
        c.fill(0.04f);
        ValueNoise texture = new ValueNoise(Seeds.mix(seed, "texture".hashCode()));

        Mask body = new Mask(s, s)
                .max(ell(0.5, 0.68, a.bodyRx(), 0.6, 0, 0.02))
                .max(ell(0.5, 0.0, 0.12, 0.17, 0, 0.02))
                .max(ell(0.14, 0.25, 0.17, 0.12, -0.3, 0.02))
                .max(ell(0.86, 0.25, 0.17, 0.12, 0.3, 0.02));
        c.blend(body, 1, 0.38f);
        c.addField(body, (x, y) -> 0.1 * y / s + 0.05 * (texture.fbm(x / s * 6, y / s * 6, 3) - 0.5), 1f);

        Mask abdomen = body.copy().modulate((x, y) -> ramp((y / s - diaphragm(a, x / s)) / soft(0.012)));
        c.blend(abdomen, 1, 0.55f);

        Mask[] lung = {lung(a, 0), lung(a, 1)};
        ChestFindings f = new ChestFindings(this, a, lung, seed);
        List<Mask> ptx = findings.contains(NihFinding.PNEUMOTHORAX) ? f.pneumothoraxRegions(ptxSides) : List.of();
        Mask lungs = lung[0].copy();
        for (int i = 0; i < lungs.m.length; i++) {
            lungs.m[i] = Math.max(lung[0].m[i], lung[1].m[i]);
        }
        c.blend(lungs, (float) a.lungDarkness(), 0.1f);
        c.addField(lungs, (x, y) -> texture.fbm(x / s * 14, y / s * 14, 3) - 0.5, 0.07f);

        Mask mediastinum = new Mask(s, s)
                .max(cap(a.spineX(), 0.1, a.spineX(), 0.62, 0.045))
                .max(cap(a.spineX(), 0.45, a.spineX() + 0.01, 0.72, 0.07))
                .max(ell(a.spineX() + 0.045, 0.3, 0.035, 0.03, 0, 0.008));
        c.blend(mediastinum, 0.9f, 0.5f);
        Mask airway = new Mask(s, s)
                .max(cap(a.spineX(), 0.03, a.spineX(), 0.31, 0.011))
                .max(cap(a.spineX(), 0.31, a.spineX() - 0.06, 0.4, 0.008))
                .max(cap(a.spineX(), 0.31, a.spineX() + 0.065, 0.41, 0.008));
        c.add(airway, -0.13f);
        Mask spine = new Mask(s, s).max(cap(a.spineX(), -0.05, a.spineX(), 1.05, 0.032))
                .modulate((x, y) -> 0.7 + 0.3 * Math.abs(StrictMath.sin(Math.PI * y / (0.045 * s))));
        c.add(spine, 0.12f);

        Mask heart = new Mask(s, s).max(ell(a.heartCx(), a.heartCy(), a.heartRx(), a.heartRy(), -0.35, 0.012));
        c.blend(heart, 0.92f, 0.6f);
        if (a.gastricBubble()) {
            double bx = a.lungCx()[1] + 0.02;
            Mask bubble = new Mask(s, s).max(ell(bx, a.dome(1, bx) + 0.06, 0.04, 0.026, 0, 0.008)).times(body);
            c.add(bubble, -0.2f);
        }
        ribs(c, a, body, lungs);

        Mask vessels = vessels(a, seed);
        vessels.times(lungs);
        for (Mask p : ptx) {
            vessels.minus(p);
        }
        c.add(vessels, (float) (0.11 * a.markings()));

        Map<NihFinding, Mask> regions = new EnumMap<>(NihFinding.class);
        for (NihFinding finding : findings) {
            Mask region = switch (finding) {
                case CARDIOMEGALY -> heart;
                case PNEUMOTHORAX -> f.pneumothorax(c, ptx);
                default -> f.paint(c, finding);
            };
            regions.put(finding, region);
        }

        Acquisition acq = Acquisition.sample(seed);
        acq.devices(this, a, c);
        java.util.Set<Mask> moved = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        moved.addAll(regions.values());
        moved.addAll(ptx);
        acq.position(c, 0.04f, new ArrayList<>(moved));

        SplittableRandom exposure = Seeds.rng(seed, "exposure");
        // film response gain * v^gamma + offset, tabulated: pow per pixel was the painter's top cost
        int steps = 4096;
        float[] curve = new float[steps + 2];
        for (int k = 0; k < curve.length; k++) {
            curve[k] = (float) (a.gain() * StrictMath.pow(2.0 * k / steps, a.gamma()) + a.offset());
        }
        for (float[] p : c.planes) {
            for (int i = 0; i < p.length; i++) {
                float v = Math.max(0, p[i]);
                if (v >= 2) {
                    p[i] = (float) (a.gain() * StrictMath.pow(v, a.gamma()) + a.offset());
                } else {
                    float t = v * (steps / 2f);
                    int k = (int) t;
                    p[i] = curve[k] + (t - k) * (curve[k + 1] - curve[k]);
                }
            }
        }
        acq.window(c);
        acq.collimate(c, 0.9f);
        c.blur(0.3 + 0.002 * s);
        c.grain(exposure, acq.noise(), true);
        acq.mark(this, c);
        return new Picture(c, regions, new ArrayList<>(ptx));
    }

    /** Lung field of one side: round apex, squarish base cut by the diaphragm dome. */
    Mask lung(ChestAnatomy a, int side) {
        Mask m = new Mask(size, size).max(lungShape(a.lungCx()[side], a.lungCy()[side],
                a.lungRx()[side], a.lungRy()[side]));
        return m.modulate((x, y) -> ramp((a.dome(side, x / size) - y / size) / soft(0.008)));
    }

    Shape lungShape(double cx, double cy, double rx, double ry) {
        int s = size;
        double edge = soft(0.008) * s;
        Box box = new Box((int) Math.floor((cx - rx) * s) - 2, (int) Math.floor((cy - ry) * s) - 2,
                (int) Math.ceil((cx + rx) * s) + 3, (int) Math.ceil((cy + ry) * s) + 3);
        double minR = Math.min(rx, ry) * s;
        return new Shape() {
            @Override
            public Box bounds() {
                return box;
            }

            @Override
            public double coverage(double x, double y) {
                double u = Math.abs((x / s - cx) / rx);
                double v = (y / s - cy) / ry;
                double r = v < 0 ? Math.sqrt(u * u + v * v) : Math.sqrt(Math.sqrt(u * u * u * u + v * v * v * v));
                return ramp((1 - r) * minR / edge);
            }
        };
    }

    private void ribs(Canvas c, ChestAnatomy a, Mask body, Mask lungs) {
        // bone shows best against aerated lung, faintly through soft tissue and the heart
        Mask weight = lungs.copy();
        for (int i = 0; i < weight.m.length; i++) {
            weight.m[i] = 0.35f + 0.65f * weight.m[i];
        }
        Mask posterior = new Mask(size, size);
        Mask anterior = new Mask(size, size);
        for (int side = 0; side < 2; side++) {
            int lat = ChestAnatomy.lateral(side);
            double x0 = a.spineX();
            for (int i = 0; i < 10; i++) {
                double y0 = a.ribTop() + i * a.ribSpacing();
                curve(posterior, x0 + lat * 0.03, y0, x0 + lat * 0.28, y0 - 0.055,
                        x0 + lat * 0.41, y0 + 0.045, 0.011);
                if (i < 7) {
                    curve(anterior, x0 + lat * 0.41, y0 + 0.045, x0 + lat * 0.37, y0 + 0.14,
                            x0 + lat * 0.12, y0 + 0.2, 0.009);
                }
            }
            Mask clavicle = new Mask(size, size);
            curve(clavicle, x0 + lat * 0.04, 0.2, x0 + lat * 0.2, 0.19, x0 + lat * 0.34, 0.12, 0.013);
            c.add(clavicle.times(body), 0.13f);
        }
        c.add(posterior.times(body).times(weight), 0.085f);
        c.add(anterior.times(body).times(weight), 0.045f);
    }

    /** A quadratic Bezier stroke of half-width {@code r} (unit coordinates). */
    void curve(Mask m, double x0, double y0, double cx, double cy, double x1, double y1, double r) {
        int n = 12;
        double px = x0;
        double py = y0;
        for (int i = 1; i <= n; i++) {
            double t = i / (double) n;
            double qx = (1 - t) * (1 - t) * x0 + 2 * (1 - t) * t * cx + t * t * x1;
            double qy = (1 - t) * (1 - t) * y0 + 2 * (1 - t) * t * cy + t * t * y1;
            m.max(cap(px, py, qx, qy, r));
            px = qx;
            py = qy;
        }
    }

    /** Branching vessel trees from each hilum, fading towards the periphery. */
    private Mask vessels(ChestAnatomy a, long seed) {
        Mask m = new Mask(size, size);
        SplittableRandom r = Seeds.rng(seed, "vessels");
        for (int side = 0; side < 2; side++) {
            int lat = ChestAnatomy.lateral(side);
            double hx = a.spineX() + lat * 0.075;
            double hy = a.domeLevel()[side] - 0.24;
            for (int b = 0; b < 7; b++) {
                double theta = -1.3 + 2.7 * (b + Seeds.uniform(r, 0.1, 0.9)) / 7;
                branch(m, r, hx, hy, lat, theta, 0.0065, Seeds.uniform(r, 0.16, 0.28), 0);
            }
        }
        return m;
    }

    private void branch(Mask m, SplittableRandom r, double x, double y, int lat, double theta,
                        double width, double length, int depth) {
        int steps = 10;
        double step = length / steps;
        for (int i = 0; i < steps; i++) {
            theta += Seeds.uniform(r, -0.3, 0.3);
            double nx = x + lat * step * StrictMath.cos(theta);
            double ny = y + step * StrictMath.sin(theta);
            double w = width * (1 - 0.7 * i / (double) steps);
            m.max(cap(x, y, nx, ny, w), (1 - 0.7 * i / (double) steps) * (depth == 0 ? 1 : 0.7));
            if (depth < 2 && i > 1 && Seeds.chance(r, 0.2)) {
                branch(m, r, nx, ny, lat, theta + (Seeds.chance(r, 0.5) ? 0.45 : -0.45), w * 0.75,
                        length * 0.5, depth + 1);
            }
            x = nx;
            y = ny;
        }
    }

    /** Diaphragm height at unit x: the dome of the side x lies on. */
    static double diaphragm(ChestAnatomy a, double x) {
        int side = x < a.spineX() ? 0 : 1;
        return Math.min(a.dome(side, x), a.domeLevel()[side] + 0.12);
    }

    /** An edge width of {@code unit} image widths, but never under half a pixel. */
    double soft(double unit) {
        return Math.max(0.5, unit * size) / size;
    }

    Shape ell(double cx, double cy, double rx, double ry, double angle, double softUnit) {
        return Shape.ellipse(cx * size, cy * size, rx * size, ry * size, angle, Math.max(0.5, softUnit * size));
    }

    Shape cap(double x0, double y0, double x1, double y1, double r) {
        return Shape.capsule(x0 * size, y0 * size, x1 * size, y1 * size, Math.max(0.5, r * size), 0.7);
    }

    Shape blob(double cx, double cy, double sx, double sy, double angle) {
        return Shape.gaussian(cx * size, cy * size, Math.max(0.6, sx * size), Math.max(0.6, sy * size), angle);
    }

    static double ramp(double t) {
        t = t + 0.5;
        return t <= 0 ? 0 : t >= 1 ? 1 : t * t * (3 - 2 * t);
    }
}
