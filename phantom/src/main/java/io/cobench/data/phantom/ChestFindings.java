package io.cobench.data.phantom;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The 14 findings as local changes to a painted chest. Each one draws from its own random stream
 * and returns the region it changed (coverage in [0, 1]), which gives the NIH bounding boxes.
 * Shapes follow the textbook signs: a mass or nodule is a round opacity, an effusion a fluid
 * level with a meniscus that blunts the costophrenic angle, a pneumothorax a lucent rim without
 * markings outside a visible pleural line, and so on.
 */
final class ChestFindings {
    private final ChestPainter p;
    private final ChestAnatomy a;
    private final Mask[] lung;
    private final long seed;
    private final int s;
    private final List<double[]> collapsed = new ArrayList<>();

    ChestFindings(ChestPainter p, ChestAnatomy a, Mask[] lung, long seed) {
        this.p = p;
        this.a = a;
        this.lung = lung;
        this.seed = seed;
        this.s = p.size;
    }

    private SplittableRandom rng(NihFinding f) {
        return Seeds.rng(seed, "finding", f.ordinal());
    }

    Mask paint(Canvas c, NihFinding f) {
        SplittableRandom r = rng(f);
        return switch (f) {
            case MASS -> mass(c, r);
            case NODULE -> nodule(c, r);
            case EFFUSION -> effusion(c, r);
            case ATELECTASIS -> atelectasis(c, r);
            case INFILTRATION -> infiltration(c, r);
            case CONSOLIDATION -> consolidation(c, r);
            case PNEUMONIA -> pneumonia(c, r);
            case EDEMA -> edema(c, r);
            case EMPHYSEMA -> emphysema(c, r);
            case FIBROSIS -> fibrosis(c, r);
            case PLEURAL_THICKENING -> pleuralThickening(c, r);
            case HERNIA -> hernia(c, r);
            case CARDIOMEGALY, PNEUMOTHORAX -> throw new IllegalArgumentException(f + " is painted by the anatomy");
        };
    }

    /**
     * A point well inside the lung of {@code side}: relative height v in [vMin, vMax] (-1 apex,
     * +1 base), at least {@code margin} (unit) from the lung edge.
     */
    private double[] lungPoint(SplittableRandom r, int side, double vMin, double vMax, double margin) {
        double cx = a.lungCx()[side];
        double cy = a.lungCy()[side];
        double[] best = {cx, cy};
        for (int t = 0; t < 200; t++) {
            double x = cx + Seeds.uniform(r, -0.8, 0.8) * a.lungRx()[side];
            double y = cy + Seeds.uniform(r, vMin, vMax) * a.lungRy()[side];
            if (inside(side, x, y) && inside(side, x - margin, y) && inside(side, x + margin, y)
                    && inside(side, x, y - margin) && inside(side, x, y + margin)) {
                return new double[] {x, y};
            }
        }
        return best;
    }

    private boolean inside(int side, double x, double y) {
        int px = (int) (x * s);
        int py = (int) (y * s);
        return px >= 0 && py >= 0 && px < s && py < s && lung[side].get(px, py) > 0.9;
    }

    private Mask mask() {
        return new Mask(s, s);
    }

    private Mask mass(Canvas c, SplittableRandom r) {
        int side = r.nextInt(2);
        double rad = Seeds.uniform(r, 0.04, 0.065);
        double[] q = lungPoint(r, side, -0.6, 0.5, rad * 0.8);
        double angle = Seeds.uniform(r, 0, Math.PI);
        Mask m = mask().max(p.ell(q[0], q[1], rad, rad * Seeds.uniform(r, 0.8, 1.0), angle, rad * 0.25));
        for (int k = 0; k < 2; k++) {
            double t = Seeds.uniform(r, 0, 2 * Math.PI);
            m.max(p.ell(q[0] + 0.55 * rad * StrictMath.cos(t), q[1] + 0.55 * rad * StrictMath.sin(t),
                    rad * 0.55, rad * 0.5, t, rad * 0.2));
        }
        c.blend(m, 0.8f, 0.7f);
        return m;
    }

    private Mask nodule(Canvas c, SplittableRandom r) {
        int side = r.nextInt(2);
        double[] q = lungPoint(r, side, -0.7, 0.6, 0.04);
        int n = 1 + r.nextInt(2);
        Mask m = mask();
        for (int k = 0; k < n; k++) {
            double rad = Math.max(1.3 / s, Seeds.uniform(r, 0.011, 0.018));
            double x = q[0] + (k == 0 ? 0 : Seeds.uniform(r, -0.05, 0.05));
            double y = q[1] + (k == 0 ? 0 : Seeds.uniform(r, -0.05, 0.05));
            m.max(p.ell(x, y, rad, rad, 0, 0.3 * rad));
        }
        c.blend(m, 0.85f, 0.75f);
        return m;
    }

    private Mask effusion(Canvas c, SplittableRandom r) {
        Mask m = mask();
        int first = r.nextInt(2);
        boolean both = Seeds.chance(r, 0.3);
        for (int side = 0; side < 2; side++) {
            if (side != first && !both) {
                continue;
            }
            int lat = ChestAnatomy.lateral(side);
            double cx = a.lungCx()[side];
            double rx = a.lungRx()[side];
            double top = a.domeLevel()[side] - Seeds.uniform(r, 0.03, 0.1);
            double meniscus = Seeds.uniform(r, 0.08, 0.14);
            double edge = p.soft(0.006);
            Mask fluid = lung[side].copy().modulate((x, y) -> {
                double t = Math.max(0, Math.min(1, lat * (x / s - cx) / rx));
                return ChestPainter.ramp((y / s - (top - meniscus * t * Math.sqrt(t))) / edge);
            });
            for (int i = 0; i < m.m.length; i++) {
                m.m[i] = Math.max(m.m[i], fluid.m[i]);
            }
        }
        c.blend(m, 0.92f, 0.56f);
        return m;
    }

    private Mask atelectasis(Canvas c, SplittableRandom r) {
        int side = r.nextInt(2);
        double[] q = lungPoint(r, side, 0.15, 0.6, 0.03);
        double half = Seeds.uniform(r, 0.25, 0.4) * a.lungRx()[side];
        double angle = Seeds.uniform(r, -0.35, 0.35);
        double dx = half * StrictMath.cos(angle);
        double dy = half * StrictMath.sin(angle);
        double w = Seeds.uniform(r, 0.01, 0.016);
        Mask m = mask().max(p.cap(q[0] - dx, q[1] - dy, q[0] + dx, q[1] + dy, w))
                .max(p.blob(q[0], q[1] + w, half * 0.8, w * 2.5, angle), 0.45)
                .times(lung[side]);
        c.blend(m, 0.8f, 0.62f);
        return m;
    }

    private Mask infiltration(Canvas c, SplittableRandom r) {
        int side = r.nextInt(2);
        double[] q = lungPoint(r, side, -0.5, 0.5, 0.05);
        int n = 5 + r.nextInt(5);
        Mask m = mask();
        for (int k = 0; k < n; k++) {
            double sx = Seeds.uniform(r, 0.014, 0.028);
            m.add(p.blob(q[0] + 0.05 * Seeds.gaussian(r), q[1] + 0.05 * Seeds.gaussian(r), sx,
                    sx * Seeds.uniform(r, 0.7, 1.3), Seeds.uniform(r, 0, Math.PI)), Seeds.uniform(r, 0.45, 0.75));
        }
        ValueNoise n2 = new ValueNoise(r.nextLong());
        m.times(lung[side]).modulate((x, y) -> 0.45 + n2.fbm(x / s * 18, y / s * 18, 2));
        c.add(m, 0.25f);
        return m;
    }

    private Mask consolidation(Canvas c, SplittableRandom r) {
        int side = r.nextInt(2);
        double[] q = lungPoint(r, side, -0.6, 0.15, 0.06);
        double rx = Seeds.uniform(r, 0.4, 0.55) * a.lungRx()[side];
        double ry = Seeds.uniform(r, 0.22, 0.32) * a.lungRy()[side];
        ValueNoise edge = new ValueNoise(r.nextLong());
        Mask m = mask().max(p.ell(q[0], q[1], rx, ry, Seeds.uniform(r, -0.3, 0.3), 0.03))
                .modulate((x, y) -> 0.5 + 1.0 * edge.fbm(x / s * 9, y / s * 9, 3))
                .times(lung[side]);
        c.blend(m, 0.88f, 0.62f);
        Mask bronchi = mask();
        for (int k = 0; k < 3; k++) {
            double t = Seeds.uniform(r, 0, 2 * Math.PI);
            bronchi.max(p.cap(q[0], q[1], q[0] + 0.7 * rx * StrictMath.cos(t), q[1] + 0.7 * ry * StrictMath.sin(t),
                    0.0035));
        }
        c.add(bronchi.times(m), -0.13f);
        return m;
    }

    private Mask pneumonia(Canvas c, SplittableRandom r) {
        int side = r.nextInt(2);
        double[] q = lungPoint(r, side, 0.05, 0.55, 0.05);
        int n = 10 + r.nextInt(7);
        Mask m = mask();
        for (int k = 0; k < n; k++) {
            double sx = Seeds.uniform(r, 0.018, 0.032);
            m.add(p.blob(q[0] + 0.045 * Seeds.gaussian(r), q[1] + 0.035 * Seeds.gaussian(r), sx, sx, 0), 0.32);
        }
        ValueNoise mottle = new ValueNoise(r.nextLong());
        m.times(lung[side]).modulate((x, y) -> 0.35 + 1.0 * mottle.fbm(x / s * 26, y / s * 26, 2));
        c.add(m, 0.32f);
        return m;
    }

    private Mask edema(Canvas c, SplittableRandom r) {
        Mask haze = mask();
        Mask lines = mask();
        for (int side = 0; side < 2; side++) {
            int lat = ChestAnatomy.lateral(side);
            double hx = a.spineX() + lat * 0.12;
            double hy = a.domeLevel()[side] - 0.22;
            haze.max(p.blob(hx, hy, 0.085, 0.11, lat * 0.3), 0.9);
            double edgeX = a.lungCx()[side] + lat * a.lungRx()[side];
            int n = 5 + r.nextInt(4);
            for (int k = 0; k < n; k++) {
                double x0 = edgeX - lat * Seeds.uniform(r, 0.01, 0.025);
                double y0 = a.domeLevel()[side] - Seeds.uniform(r, 0.02, 0.13);
                lines.max(p.cap(x0, y0, x0 - lat * Seeds.uniform(r, 0.02, 0.035), y0, 0.003));
            }
        }
        ValueNoise n2 = new ValueNoise(r.nextLong());
        Mask both = lungsUnion();
        haze.times(both).modulate((x, y) -> 0.55 + 0.9 * n2.fbm(x / s * 12, y / s * 12, 2));
        lines.times(both);
        c.add(haze, 0.15f);
        c.add(lines, 0.13f);
        Mask region = haze.copy();
        for (int i = 0; i < region.m.length; i++) {
            region.m[i] = Math.max(region.m[i], lines.m[i]);
        }
        return region;
    }

    private Mask emphysema(Canvas c, SplittableRandom r) {
        int n = 1 + r.nextInt(2);
        Mask bullae = mask();
        Mask walls = mask();
        for (int k = 0; k < n; k++) {
            int side = r.nextInt(2);
            double rad = Seeds.uniform(r, 0.03, 0.05);
            double[] q = lungPoint(r, side, -0.8, -0.2, rad);
            bullae.max(p.ell(q[0], q[1], rad, rad * 0.9, 0, 0.004));
            walls.max(p.ell(q[0], q[1], rad + 0.004, rad * 0.9 + 0.004, 0, 0.003));
        }
        walls.minus(bullae);
        c.blend(bullae, 0.6f, 0.03f);
        c.add(walls, 0.06f);
        return lungsUnion();
    }

    private Mask fibrosis(Canvas c, SplittableRandom r) {
        ValueNoise net = new ValueNoise(r.nextLong());
        double freq = Seeds.uniform(r, 24, 32);
        Mask zone = lungsUnion().modulate((x, y) -> {
            int side = x / s < a.spineX() ? 0 : 1;
            double v = (y / s - a.lungCy()[side]) / a.lungRy()[side];
            double u = Math.abs(x / s - a.lungCx()[side]) / a.lungRx()[side];
            return 0.9 * (v + 0.1) + 0.8 * (u - 0.3);
        });
        Mask pattern = zone.copy().modulate((x, y) -> {
            double d = Math.abs(net.at(x / s * freq, y / s * freq) - 0.5);
            return Math.max(0, 1 - d / 0.1);
        });
        c.add(pattern, 0.3f);
        return zone;
    }

    private Mask pleuralThickening(Canvas c, SplittableRandom r) {
        Mask m = mask();
        int first = r.nextInt(2);
        boolean both = Seeds.chance(r, 0.3);
        for (int side = 0; side < 2; side++) {
            if (side != first && !both) {
                continue;
            }
            int lat = ChestAnatomy.lateral(side);
            double cx = a.lungCx()[side];
            double cy = a.lungCy()[side];
            double rx = a.lungRx()[side];
            double ry = a.lungRy()[side];
            double t = Seeds.uniform(r, 0.012, 0.02);
            Mask band = mask().max(p.lungShape(cx, cy, rx, ry)).cut(p.lungShape(cx - lat * t * 0.3, cy + t, rx - t, ry - t))
                    .modulate((x, y) -> ChestPainter.ramp((lat * (x / s - cx) / rx + 0.1) / 0.15)
                            * ChestPainter.ramp((cy + 0.3 * ry - y / s) / p.soft(0.01)));
            for (int i = 0; i < m.m.length; i++) {
                m.m[i] = Math.max(m.m[i], band.m[i]);
            }
        }
        c.blend(m, 0.85f, 0.58f);
        return m;
    }

    private Mask hernia(Canvas c, SplittableRandom r) {
        double cx = a.spineX() + Seeds.uniform(r, 0.0, 0.03);
        double cy = a.heartCy() + Seeds.uniform(r, 0.01, 0.04);
        double rad = Seeds.uniform(r, 0.045, 0.06);
        double level = cy - rad * Seeds.uniform(r, 0.0, 0.3);
        Mask m = mask().max(p.ell(cx, cy, rad, rad * 0.9, 0, 0.004));
        double edge = p.soft(0.003);
        Mask bubble = m.copy().modulate((x, y) -> ChestPainter.ramp((level - y / s) / edge));
        Mask fluid = m.copy().minus(bubble);
        c.blend(fluid, 0.5f, 0.72f);
        c.blend(bubble, 0.8f, 0.12f);
        return m;
    }

    /** The regions a pneumothorax will occupy, one per side; computed before the markings. */
    List<Mask> pneumothoraxRegions(int sides) {
        SplittableRandom r = rng(NihFinding.PNEUMOTHORAX);
        int first = r.nextInt(2);
        List<Mask> out = new ArrayList<>();
        for (int side = 0; side < 2; side++) {
            if (sides < 2 && side != first) {
                continue;
            }
            int lat = ChestAnatomy.lateral(side);
            double f = Seeds.uniform(r, 0.6, 0.8);
            double cx = a.lungCx()[side] - lat * a.lungRx()[side] * (1 - f);
            double cy = a.lungCy()[side] + a.lungRy()[side] * (1 - f) * 0.5;
            double rx = a.lungRx()[side] * f;
            double ry = a.lungRy()[side] * f;
            double limit = a.lungCy()[side] + 0.35 * a.lungRy()[side];
            double edge = p.soft(0.01);
            Mask region = lung[side].copy().cut(p.lungShape(cx, cy, rx, ry))
                    .modulate((x, y) -> ChestPainter.ramp((limit - y / s) / edge));
            collapsed.add(new double[] {side, cx, cy, rx, ry, limit, a.lungCx()[side], a.lungRx()[side]});
            out.add(region);
        }
        return out;
    }

    /** Lucent rim and pleural line; returns the union of the regions. */
    Mask pneumothorax(Canvas c, List<Mask> regions) {
        Mask union = mask();
        for (int k = 0; k < regions.size(); k++) {
            Mask region = regions.get(k);
            double[] q = collapsed.get(k);
            int side = (int) q[0];
            double w = Math.max(0.004, 1.0 / s);
            double edge = p.soft(0.01);
            Mask line = mask().max(p.lungShape(q[1], q[2], q[3] + w, q[4] + w)).cut(p.lungShape(q[1], q[2], q[3], q[4]))
                    .times(lung[side]).modulate((x, y) -> ChestPainter.ramp((q[5] - y / s) / edge)
                            * ChestPainter.ramp((ChestAnatomy.lateral(side) * (x / s - q[6]) / q[7] + 0.55) / 0.2));
            c.blend(region, 0.55f, 0.02f);
            c.add(line, 0.14f);
            for (int i = 0; i < union.m.length; i++) {
                union.m[i] = Math.max(union.m[i], region.m[i]);
            }
        }
        return union;
    }

    private Mask lungsUnion() {
        Mask m = lung[0].copy();
        for (int i = 0; i < m.m.length; i++) {
            m.m[i] = Math.max(m.m[i], lung[1].m[i]);
        }
        return m;
    }
}
