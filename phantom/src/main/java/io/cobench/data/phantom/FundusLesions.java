package io.cobench.data.phantom;

import java.util.SplittableRandom;

/**
 * The focal fundus signs (dots, blots, flames, exudates, drusen, scars, pigment). Counts grow
 * with the sign's strength, which is how EyePACS grades become visibly worse. Signs that change
 * the disc, vessels or whole picture are handled by {@link FundusPainter}.
 */
final class FundusLesions {
    private final Canvas c;
    private final FundusEye e;
    private final Mask disk;
    private final SplittableRandom r;
    private final double k;
    private final double big;
    private final double discR;

    FundusLesions(Canvas c, FundusEye e, Mask disk, SplittableRandom r, double strength, double discR) {
        this.c = c;
        this.e = e;
        this.disk = disk;
        this.r = r;
        this.k = strength;
        this.big = e.radius();
        this.discR = discR;
    }

    void paint(FundusSign sign) {
        switch (sign) {
            case MICROANEURYSMS -> dots(n(3, 12), 0.006, 0.008, 0.5, FundusPainter.blood(), 0.9f);
            case HAEMORRHAGES -> blots(n(2, 14));
            case FLAME_HAEMORRHAGES -> flames(n(2, 8), -Math.PI, Math.PI);
            case EXUDATES -> exudates(n(1, 4));
            case COTTON_WOOL -> cottonWool(n(1, 4));
            case NEOVASCULARISATION -> neovessels(1 + r.nextInt(2));
            case PRERETINAL_HAEMORRHAGE -> preretinal();
            case DRUSEN -> drusen(n(12, 30));
            case MACULAR_ATROPHY -> atrophy();
            case CNV_MEMBRANE -> cnv();
            case SEROUS_DETACHMENT -> blister();
            case BONE_SPICULES -> spicules(n(25, 35));
            case LASER_SCARS -> laser();
            case SECTOR_HAEMORRHAGES -> sector();
            case CHORIORETINAL_SCARS -> scars(2 + r.nextInt(3));
            case MYELINATED_FIBRES -> myelin();
            case MACULAR_HOLE -> hole();
            case EPIRETINAL_SHEEN -> sheen();
            default -> {
                // painted with the disc, vessels or the whole picture
            }
        }
    }

    private int n(int base, int extra) {
        return base + (int) Math.round(extra * k);
    }

    private Mask mask() {
        return new Mask(e.width(), e.height());
    }

    /** A point at relative distance [r0, r1] of the fundus radius from (x, y), off the disc. */
    private double[] near(double x, double y, double r0, double r1) {
        for (int t = 0; t < 100; t++) {
            double a = Seeds.uniform(r, 0, 2 * Math.PI);
            double d = Math.sqrt(Seeds.uniform(r, r0 * r0, r1 * r1)) * big;
            double px = x + d * StrictMath.cos(a);
            double py = y + d * StrictMath.sin(a);
            double fx = (px - e.cx()) / big;
            double fy = (py - e.cy()) / big;
            double dx = px - e.discX();
            double dy = py - e.discY();
            if (fx * fx + fy * fy < 0.88 * 0.88 && dx * dx + dy * dy > 1.6 * discR * 1.6 * discR
                    && px >= 0 && py >= 0 && px < e.width() && py < e.height()) {
                return new double[] {px, py};
            }
        }
        return new double[] {e.maculaX(), e.maculaY() + 0.3 * big};
    }

    private void dots(int n, double r0, double r1, double spread, float[] colour, float opacity) {
        Mask m = mask();
        for (int i = 0; i < n; i++) {
            double[] q = near(e.maculaX(), e.maculaY(), 0.05, spread);
            m.max(Shape.circle(q[0], q[1], Math.max(0.6, Seeds.uniform(r, r0, r1) * big), 0.5));
        }
        c.blend(m.times(disk), opacity, colour);
    }

    private void blots(int n) {
        Mask m = mask();
        for (int i = 0; i < n; i++) {
            double[] q = near(e.cx(), e.cy(), 0.1, 0.7);
            double rad = Math.max(0.8, Seeds.uniform(r, 0.012, 0.028) * big);
            m.max(Shape.ellipse(q[0], q[1], rad, rad * Seeds.uniform(r, 0.6, 1), Seeds.uniform(r, 0, 3), 0.6));
            m.max(Shape.circle(q[0] + rad * 0.6, q[1] - rad * 0.3, rad * 0.6, 0.6));
        }
        c.blend(m.times(disk), 0.9f, FundusPainter.blood());
    }

    private void flames(int n, double from, double to) {
        Mask m = mask();
        for (int i = 0; i < n; i++) {
            double a = Seeds.uniform(r, from, to);
            double d = Seeds.uniform(r, 0.2, 0.75) * big;
            double x = e.discX() + d * StrictMath.cos(a);
            double y = e.discY() + d * StrictMath.sin(a);
            m.max(Shape.ellipse(x, y, Math.max(1.2, 0.04 * big), Math.max(0.6, 0.011 * big), a, 0.7));
        }
        c.blend(m.times(disk), 0.85f, 0.5f, 0.05f, 0.04f);
    }

    private void exudates(int clusters) {
        Mask m = mask();
        for (int i = 0; i < clusters; i++) {
            double[] q = near(e.maculaX(), e.maculaY(), 0.1, 0.32);
            int dots = 4 + r.nextInt(7);
            for (int j = 0; j < dots; j++) {
                m.max(Shape.circle(q[0] + 0.03 * big * Seeds.gaussian(r), q[1] + 0.03 * big * Seeds.gaussian(r),
                        Math.max(0.6, Seeds.uniform(r, 0.006, 0.012) * big), 0.5));
            }
        }
        c.blend(m.times(disk), 0.9f, FundusPainter.exudate());
    }

    private void cottonWool(int n) {
        Mask m = mask();
        for (int i = 0; i < n; i++) {
            double[] q = near((e.discX() + e.maculaX()) / 2, e.cy(), 0.1, 0.5);
            double s = Seeds.uniform(r, 0.022, 0.032) * big;
            m.max(Shape.gaussian(q[0], q[1], s, s * 0.75, Seeds.uniform(r, 0, 3)));
        }
        c.blend(m.times(disk), 0.75f, FundusPainter.white());
    }

    private void neovessels(int tufts) {
        Mask m = mask();
        for (int i = 0; i < tufts; i++) {
            double[] q = i == 0 ? new double[] {e.discX() + discR * Seeds.uniform(r, -0.6, 0.6), e.discY()
                    + discR * Seeds.uniform(r, -0.6, 0.6)} : near(e.discX(), e.discY(), 0.25, 0.5);
            for (int j = 0; j < 12; j++) {
                double a = Seeds.uniform(r, 0, 2 * Math.PI);
                double x = q[0];
                double y = q[1];
                for (int s = 0; s < 4; s++) {
                    a += Seeds.uniform(r, -0.8, 0.8);
                    double nx = x + 0.014 * big * StrictMath.cos(a);
                    double ny = y + 0.014 * big * StrictMath.sin(a);
                    m.max(Shape.capsule(x, y, nx, ny, Math.max(0.4, 0.003 * big), 0.5));
                    x = nx;
                    y = ny;
                }
            }
        }
        c.blend(m.times(disk), 0.9f, 0.75f, 0.12f, 0.1f);
    }

    private void preretinal() {
        double[] q = near(e.maculaX(), e.maculaY(), 0.15, 0.35);
        double rx = 0.09 * big;
        double ry = 0.06 * big;
        double top = q[1] - 0.2 * ry;
        Mask m = mask().max(Shape.ellipse(q[0], q[1], rx, ry, 0, 0.8))
                .modulate((x, y) -> y >= top ? 1 : Math.max(0, 1 - (top - y)));
        c.blend(m.times(disk), 0.95f, FundusPainter.blood());
    }

    private void drusen(int n) {
        Mask m = mask();
        for (int i = 0; i < n; i++) {
            double[] q = near(e.maculaX(), e.maculaY(), 0.0, 0.24);
            m.max(Shape.circle(q[0], q[1], Math.max(0.7, Seeds.uniform(r, 0.007, 0.014) * big), 0.35 * 0.01 * big + 0.5));
        }
        c.blend(m.times(disk), 0.75f, 0.96f, 0.86f, 0.5f);
    }

    private void atrophy() {
        ValueNoise edge = new ValueNoise(r.nextLong());
        double rad = Seeds.uniform(r, 0.07, 0.1) * big;
        Mask m = mask().max(Shape.circle(e.maculaX(), e.maculaY(), rad, 0.2 * rad))
                .modulate((x, y) -> 0.4 + 1.2 * edge.fbm(x / big * 12, y / big * 12, 2));
        c.blend(m.times(disk), 0.75f, 0.9f, 0.7f, 0.5f);
        Mask clumps = mask();
        for (int i = 0; i < 6 + r.nextInt(7); i++) {
            double[] q = near(e.maculaX(), e.maculaY(), 0, 0.12);
            clumps.max(Shape.circle(q[0], q[1], Math.max(0.6, 0.007 * big), 0.5));
        }
        c.blend(clumps.times(disk), 0.9f, FundusPainter.pigmentClump());
    }

    private void cnv() {
        double rad = Seeds.uniform(r, 0.05, 0.07) * big;
        double x = e.maculaX() + Seeds.uniform(r, -0.02, 0.02) * big;
        double y = e.maculaY() + Seeds.uniform(r, -0.02, 0.02) * big;
        Mask ring = mask().max(Shape.circle(x, y, rad * 1.45, 0.8)).cut(Shape.circle(x, y, rad * 1.05, 0.8));
        c.blend(ring.times(disk), 0.75f, FundusPainter.blood());
        Mask m = mask().max(Shape.circle(x, y, rad, 0.2 * rad));
        c.blend(m.times(disk), 0.8f, 0.45f, 0.46f, 0.32f);
    }

    private void blister() {
        double rad = Seeds.uniform(r, 0.1, 0.13) * big;
        Mask m = mask().max(Shape.circle(e.maculaX(), e.maculaY(), rad, 0.1 * rad));
        c.scale(m.times(disk), 1.15f, 1.18f, 1.1f);
        Mask rim = mask().max(Shape.circle(e.maculaX(), e.maculaY(), rad + Math.max(0.7, 0.008 * big), 0.6))
                .cut(Shape.circle(e.maculaX(), e.maculaY(), rad, 0.6));
        c.blend(rim.times(disk), 0.4f, FundusPainter.white());
    }

    private void spicules(int n) {
        Mask m = mask();
        for (int i = 0; i < n; i++) {
            double[] q = near(e.cx(), e.cy(), 0.5, 0.87);
            for (int j = 0; j < 3; j++) {
                double a = Seeds.uniform(r, 0, Math.PI);
                double l = 0.022 * big;
                m.max(Shape.capsule(q[0] - l * StrictMath.cos(a), q[1] - l * StrictMath.sin(a),
                        q[0] + l * StrictMath.cos(a), q[1] + l * StrictMath.sin(a), Math.max(0.45, 0.004 * big), 0.5));
            }
        }
        c.blend(m.times(disk), 0.9f, FundusPainter.pigmentClump());
    }

    private void laser() {
        Mask pale = mask();
        Mask rim = mask();
        double step = 0.1 * big;
        double spot = Math.max(1.0, 0.022 * big);
        for (double y = e.cy() - big; y <= e.cy() + big; y += step) {
            for (double x = e.cx() - big; x <= e.cx() + big; x += step) {
                double px = x + Seeds.uniform(r, -0.2, 0.2) * step;
                double py = y + Seeds.uniform(r, -0.2, 0.2) * step;
                double d = Math.hypot(px - e.cx(), py - e.cy()) / big;
                double dd = Math.hypot(px - e.discX(), py - e.discY());
                if (d > 0.45 && d < 0.88 && dd > 2 * discR && Seeds.chance(r, 0.75)) {
                    rim.max(Shape.circle(px, py, spot * 1.35, 0.6));
                    pale.max(Shape.circle(px, py, spot, 0.6));
                }
            }
        }
        rim.minus(pale);
        c.blend(rim.times(disk), 0.8f, FundusPainter.pigmentClump());
        c.blend(pale.times(disk), 0.6f, 0.9f, 0.78f, 0.55f);
    }

    private void sector() {
        int t = -e.nasal();
        double centre = t > 0 ? (Seeds.chance(r, 0.5) ? -0.5 : 0.5) : (Seeds.chance(r, 0.5) ? Math.PI + 0.5 : Math.PI - 0.5);
        flames(n(10, 12), centre - 0.45, centre + 0.45);
    }

    private void scars(int n) {
        for (int i = 0; i < n; i++) {
            double[] q = near(e.cx(), e.cy(), 0.2, 0.75);
            double rad = Seeds.uniform(r, 0.05, 0.08) * big;
            Mask border = mask().max(Shape.circle(q[0], q[1], rad * 1.2, 0.8));
            Mask inner = mask().max(Shape.circle(q[0], q[1], rad, 0.2 * rad));
            border.minus(inner);
            c.blend(inner.times(disk), 0.85f, 0.93f, 0.86f, 0.66f);
            c.blend(border.times(disk), 0.8f, FundusPainter.pigmentClump());
        }
    }

    private void myelin() {
        Mask m = mask();
        double dir = Seeds.chance(r, 0.5) ? -1 : 1;
        for (int i = 0; i < 3 + r.nextInt(3); i++) {
            double a = dir * Math.PI / 2 + Seeds.uniform(r, -0.5, 0.5);
            double d = discR + 0.06 * big;
            m.max(Shape.gaussian(e.discX() + d * StrictMath.cos(a), e.discY() + d * StrictMath.sin(a),
                    0.07 * big, 0.02 * big, a));
        }
        c.blend(m.times(disk), 0.85f, 0.97f, 0.95f, 0.92f);
    }

    private void hole() {
        double rad = Math.max(1.0, 0.03 * big);
        Mask cuff = mask().max(Shape.circle(e.maculaX(), e.maculaY(), rad * 1.6, 0.8));
        Mask m = mask().max(Shape.circle(e.maculaX(), e.maculaY(), rad, 0.5));
        cuff.minus(m);
        c.blend(cuff.times(disk), 0.35f, FundusPainter.white());
        c.blend(m.times(disk), 0.85f, 0.55f, 0.1f, 0.06f);
    }

    private void sheen() {
        Mask m = mask();
        for (int i = 0; i < 5; i++) {
            double a0 = Seeds.uniform(r, 0, 2 * Math.PI);
            double rad = Seeds.uniform(r, 0.06, 0.16) * big;
            double px = e.maculaX() + rad * StrictMath.cos(a0);
            double py = e.maculaY() + rad * StrictMath.sin(a0);
            for (int s = 1; s <= 6; s++) {
                double a = a0 + s * 0.18;
                double nx = e.maculaX() + rad * StrictMath.cos(a);
                double ny = e.maculaY() + rad * StrictMath.sin(a);
                m.max(Shape.capsule(px, py, nx, ny, Math.max(0.5, 0.005 * big), 0.6));
                px = nx;
                py = ny;
            }
        }
        c.blend(m.times(disk), 0.5f, FundusPainter.white());
    }
}
