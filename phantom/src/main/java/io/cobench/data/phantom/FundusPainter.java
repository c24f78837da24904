package io.cobench.data.phantom;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Paints a colour fundus photograph: black surround, vignetted orange-red fundus with choroidal
 * texture, optic disc and cup, macula with foveal reflex, arteries and veins in four arcades,
 * then the requested {@link FundusSign}s, media haze and camera grain. Each sign draws from its
 * own random stream so that signs change only their own pixels.
 */
final class FundusPainter {
    private static final float[] ARTERY = {0.78f, 0.2f, 0.1f};
    private static final float[] VEIN = {0.5f, 0.08f, 0.06f};
    private static final float[] BLOOD = {0.42f, 0.04f, 0.03f};
    private static final float[] EXUDATE = {0.98f, 0.9f, 0.42f};
    private static final float[] WHITE = {0.96f, 0.93f, 0.86f};
    private static final float[] PIGMENT = {0.14f, 0.07f, 0.04f};

    private FundusPainter() {
    }

    static Canvas paint(FundusEye e, Map<FundusSign, Double> signs) {
        Canvas c = new Canvas(e.width(), e.height(), 3);
        c.fill(0.012f);
        double big = e.radius();
        Mask disk = new Mask(e.width(), e.height()).max(Shape.circle(e.cx(), e.cy(), big, 1.2));
        ValueNoise choroid = new ValueNoise(Seeds.mix(e.seed(), "choroid".hashCode()));
        double[] pig = e.pigment();
        float[] base = {(float) pig[0], (float) pig[1], (float) pig[2]};
        c.blend(disk, 1, base);
        c.addField(disk, (x, y) -> {
            double dx = (x - e.cx()) / big;
            double dy = (y - e.cy()) / big;
            return -0.45 * (dx * dx + dy * dy) + 0.12 * (choroid.fbm(x / big * 5, y / big * 5, 4) - 0.5);
        }, base);
        if (on(signs, FundusSign.TESSELLATION)) {
            ValueNoise stripes = new ValueNoise(Seeds.mix(e.seed(), "tessellation".hashCode()));
            double k = strength(signs, FundusSign.TESSELLATION);
            Mask t = disk.copy().modulate((x, y) -> {
                double d = Math.abs(stripes.fbm(x / big * 5, y / big * 5, 2) - 0.5);
                return k * Math.max(0, 1 - d / 0.16);
            });
            c.scale(t, 0.78f, 0.62f, 0.7f);
        }
        Mask macula = new Mask(e.width(), e.height()).max(
                Shape.gaussian(e.maculaX(), e.maculaY(), 0.11 * big, 0.1 * big, 0), 0.8);
        c.scale(macula, 0.72f, 0.62f, 0.75f);

        double discR = e.discRadius() * big * (on(signs, FundusSign.DISC_SWELLING) ? 1.3 : 1);
        double cup = on(signs, FundusSign.CUPPING) ? 0.72 + 0.12 * strength(signs, FundusSign.CUPPING) : e.cupRatio();
        if (on(signs, FundusSign.PERIPAPILLARY_ATROPHY)) {
            Mask crescent = new Mask(e.width(), e.height()).max(Shape.ellipse(
                    e.discX() - e.nasal() * 0.45 * discR, e.discY(), discR * 1.35, discR * 1.15, 0, 1.0));
            c.blend(crescent, 0.85f, 0.94f, 0.84f, 0.64f);
        }
        boolean pale = on(signs, FundusSign.DISC_PALLOR) || on(signs, FundusSign.BONE_SPICULES);
        boolean swollen = on(signs, FundusSign.DISC_SWELLING);
        Mask discMask = new Mask(e.width(), e.height()).max(Shape.circle(e.discX(), e.discY(), discR,
                swollen ? 0.25 * discR : 0.08 * discR + 0.6));
        c.blend(discMask, 0.92f, pale ? new float[] {0.97f, 0.92f, 0.84f}
                : swollen ? new float[] {0.96f, 0.6f, 0.38f} : new float[] {0.95f, 0.74f, 0.48f});
        Mask cupMask = new Mask(e.width(), e.height()).max(Shape.circle(e.discX() - e.nasal() * 0.1 * discR,
                e.discY(), cup * discR, 0.15 * discR + 0.5));
        c.blend(cupMask, 0.8f, 1f, 0.93f, 0.78f);

        vessels(c, e, signs, disk);
        if (swollen) {
            Mask halo = new Mask(e.width(), e.height()).max(Shape.circle(e.discX(), e.discY(), discR * 1.15,
                    0.3 * discR));
            c.blur(Math.max(0.8, 0.02 * big), halo);
        }
        Mask fovea = new Mask(e.width(), e.height()).max(Shape.circle(e.maculaX(), e.maculaY(), Math.max(0.7,
                0.008 * big), 0.6));
        c.add(fovea, 0.12f, 0.1f, 0.06f);

        for (Map.Entry<FundusSign, Double> s : signs.entrySet()) {
            SplittableRandom r = Seeds.rng(e.seed(), "sign", s.getKey().ordinal());
            new FundusLesions(c, e, disk, r, s.getValue(), discR).paint(s.getKey());
        }

        c.scale(disk, (float) e.exposure());
        if (on(signs, FundusSign.HAZE)) {
            double k = strength(signs, FundusSign.HAZE);
            c.blur(Math.max(1.0, (0.012 + 0.03 * k) * big), disk);
            c.blend(disk, (float) (0.2 + 0.35 * k), 0.72f, 0.6f, 0.45f);
        }
        c.blur(0.35 + 0.001 * big);
        c.grain(Seeds.rng(e.seed(), "grain"), 0.01, false);
        return c;
    }

    private static boolean on(Map<FundusSign, Double> signs, FundusSign s) {
        return signs.containsKey(s);
    }

    private static double strength(Map<FundusSign, Double> signs, FundusSign s) {
        return signs.getOrDefault(s, 0.0);
    }

    /** Four arcades leaving the disc: temporal ones bow around the macula, nasal ones run straight. */
    private static void vessels(Canvas c, FundusEye e, Map<FundusSign, Double> signs, Mask disk) {
        SplittableRandom r = Seeds.rng(e.seed(), "vessels");
        double big = e.radius();
        double arteryW = 0.011 * big * (on(signs, FundusSign.NARROW_ARTERIES) || on(signs, FundusSign.COPPER_WIRE)
                ? 0.55 : on(signs, FundusSign.BONE_SPICULES) ? 0.6 : 1);
        double veinW = 0.016 * big * (on(signs, FundusSign.DILATED_VEINS) ? 1.5
                : on(signs, FundusSign.BONE_SPICULES) ? 0.6 : 1);
        double wiggle = on(signs, FundusSign.DILATED_VEINS) ? 0.22 : 0.08;
        Mask arteries = new Mask(e.width(), e.height());
        Mask veins = new Mask(e.width(), e.height());
        List<double[]> arteryPath = new ArrayList<>();
        int t = -e.nasal();
        // start angle, turning rate per step (radians), for: sup-temporal, inf-temporal, sup-nasal, inf-nasal
        double[][] arcades = {{-Math.PI / 2 + t * 0.5, t * 0.06}, {Math.PI / 2 - t * 0.5, -t * 0.06},
            {-Math.PI / 2 - t * 0.6, -t * 0.015}, {Math.PI / 2 + t * 0.6, t * 0.015}};
        for (int k = 0; k < arcades.length; k++) {
            double[] arc = arcades[k];
            double off = Seeds.uniform(r, 0.12, 0.22);
            vessel(veins, r, e, arc[0] + off, arc[1], veinW, k < 2 ? 1.15 : 0.8, wiggle, 0, null);
            vessel(arteries, r, e, arc[0] - off, arc[1], arteryW, k < 2 ? 1.1 : 0.75, 0.08, 0,
                    k == 0 ? arteryPath : null);
        }
        c.blend(veins.times(disk), 0.85f, VEIN);
        c.blend(arteries.times(disk), 0.8f, ARTERY);
        if (on(signs, FundusSign.COPPER_WIRE)) {
            Mask reflex = new Mask(e.width(), e.height());
            for (int i = 1; i < arteryPath.size(); i++) {
                double[] a = arteryPath.get(i - 1);
                double[] b = arteryPath.get(i);
                reflex.max(Shape.capsule(a[0], a[1], b[0], b[1], Math.max(0.5, arteryW * 0.35), 0.5));
            }
            c.blend(reflex.times(disk), 0.85f, 0.98f, 0.72f, 0.45f);
        }
    }

    private static void vessel(Mask m, SplittableRandom r, FundusEye e, double angle, double turn, double width,
                               double length, double wiggle, int depth, List<double[]> path) {
        double big = e.radius();
        double x = e.discX();
        double y = e.discY();
        int steps = 24;
        double step = length * big / steps;
        for (int i = 0; i < steps; i++) {
            angle += turn + Seeds.uniform(r, -wiggle, wiggle);
            double nx = x + step * StrictMath.cos(angle);
            double ny = y + step * StrictMath.sin(angle);
            double w = Math.max(0.5, width * (1 - 0.55 * i / steps));
            m.max(Shape.capsule(x, y, nx, ny, w, 0.7));
            if (path != null) {
                path.add(new double[] {x, y});
            }
            if (depth < 2 && i > 3 && Seeds.chance(r, 0.14)) {
                branch(m, r, nx, ny, angle + (Seeds.chance(r, 0.5) ? 0.7 : -0.7), w * 0.7,
                        length * big * (1 - i / (double) steps) * 0.7, wiggle, depth + 1);
            }
            x = nx;
            y = ny;
        }
    }

    private static void branch(Mask m, SplittableRandom r, double x, double y, double angle, double width,
                               double length, double wiggle, int depth) {
        int steps = 10;
        double step = length / steps;
        for (int i = 0; i < steps; i++) {
            angle += Seeds.uniform(r, -wiggle - 0.05, wiggle + 0.05);
            double nx = x + step * StrictMath.cos(angle);
            double ny = y + step * StrictMath.sin(angle);
            double w = Math.max(0.4, width * (1 - 0.6 * i / steps));
            m.max(Shape.capsule(x, y, nx, ny, w, 0.7), 0.9);
            if (depth < 2 && i > 2 && Seeds.chance(r, 0.12)) {
                branch(m, r, nx, ny, angle + (Seeds.chance(r, 0.5) ? 0.7 : -0.7), w * 0.7, length * 0.5, wiggle,
                        depth + 1);
            }
            x = nx;
            y = ny;
        }
    }

    static float[] blood() {
        return BLOOD.clone();
    }

    static float[] exudate() {
        return EXUDATE.clone();
    }

    static float[] white() {
        return WHITE.clone();
    }

    static float[] pigmentClump() {
        return PIGMENT.clone();
    }
}
