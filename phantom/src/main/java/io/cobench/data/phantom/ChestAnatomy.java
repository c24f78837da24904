package io.cobench.data.phantom;

import java.util.Set;
import java.util.SplittableRandom;

/**
 * A patient's chest geometry in unit coordinates (x right, y down, image 1 x 1). Index 0 of the
 * per-side arrays is the image-left hemithorax (the patient's right), index 1 the image-right one
 * (patient's left, where the heart bulges). Follow-up images of one patient share the geometry
 * up to small positioning changes, as real follow-ups do.
 */
record ChestAnatomy(double[] lungCx, double[] lungCy, double[] lungRx, double[] lungRy,
                    double[] domeLevel, double[] domeCurve,
                    double heartCx, double heartCy, double heartRx, double heartRy,
                    double bodyRx, double spineX, double ribTop, double ribSpacing,
                    double lungDarkness, double markings, boolean gastricBubble,
                    double gamma, double gain, double offset) {

    /** A new patient. */
    static ChestAnatomy sample(SplittableRandom r) {
        double w = Seeds.uniform(r, 0.94, 1.05);
        double h = Seeds.uniform(r, 0.95, 1.05);
        double ry = 0.29 * h;
        double rx0 = 0.172 * w;
        double rx1 = 0.162 * w;
        double level = Seeds.uniform(r, 0.66, 0.71);
        return new ChestAnatomy(
                new double[] {0.5 - 0.03 - rx0, 0.5 + 0.04 + rx1},
                new double[] {level - 0.2 * h, level - 0.195 * h + 0.015},
                new double[] {rx0, rx1},
                new double[] {ry, ry * 0.98},
                new double[] {level, level + Seeds.uniform(r, 0.01, 0.03)},
                new double[] {Seeds.uniform(r, 0.05, 0.08), Seeds.uniform(r, 0.05, 0.08)},
                0.545 + Seeds.uniform(r, -0.01, 0.01), level - 0.04 + Seeds.uniform(r, -0.01, 0.01),
                Seeds.uniform(r, 0.105, 0.125), Seeds.uniform(r, 0.095, 0.11),
                0.45 * w, 0.5 + Seeds.uniform(r, -0.006, 0.006), Seeds.uniform(r, 0.12, 0.15),
                Seeds.uniform(r, 0.068, 0.078) * h,
                Seeds.uniform(r, 0.82, 0.9), Seeds.uniform(r, 0.8, 1.2), Seeds.chance(r, 0.6),
                Seeds.uniform(r, 0.85, 1.15), Seeds.uniform(r, 0.9, 1.1), Seeds.uniform(r, -0.04, 0.04));
    }

    /** The same patient on another day: shifted a little, exposed differently. */
    ChestAnatomy followUp(SplittableRandom r) {
        double dx = Seeds.uniform(r, -0.015, 0.015);
        double dy = Seeds.uniform(r, -0.015, 0.015);
        return new ChestAnatomy(shift(lungCx, dx), shift(lungCy, dy), lungRx, lungRy,
                shift(domeLevel, dy + Seeds.uniform(r, -0.01, 0.01)), domeCurve,
                heartCx + dx, heartCy + dy, heartRx, heartRy, bodyRx, spineX + dx, ribTop + dy, ribSpacing,
                lungDarkness, markings, gastricBubble,
                Seeds.uniform(r, 0.85, 1.15), Seeds.uniform(r, 0.9, 1.1), Seeds.uniform(r, -0.04, 0.04));
    }

    /**
     * The geometry as a finding or the projection changes it: an AP film magnifies the heart;
     * cardiomegaly enlarges it; emphysema hyperinflates the lungs, flattens the domes, narrows
     * the heart and thins the markings.
     */
    ChestAnatomy adjusted(Set<NihFinding> findings, boolean ap) {
        double hx = heartCx;
        double hrx = heartRx;
        double hry = heartRy;
        double[] ry = lungRy.clone();
        double[] cy = lungCy.clone();
        double[] level = domeLevel.clone();
        double[] curve = domeCurve.clone();
        double dark = lungDarkness;
        double marks = markings;
        if (ap) {
            hrx *= 1.08;
            hry *= 1.05;
        }
        if (findings.contains(NihFinding.CARDIOMEGALY)) {
            hrx *= 1.45;
            hry *= 1.22;
            hx += 0.035;
        }
        if (findings.contains(NihFinding.EMPHYSEMA)) {
            for (int s = 0; s < 2; s++) {
                ry[s] *= 1.1;
                cy[s] += 0.03;
                level[s] += 0.055;
                curve[s] *= 0.35;
            }
            hrx *= 0.85;
            dark = Math.min(0.98, dark + 0.1);
            marks *= 0.45;
        }
        return new ChestAnatomy(lungCx, cy, lungRx, ry, level, curve, hx, heartCy, hrx, hry,
                bodyRx, spineX, ribTop, ribSpacing, dark, marks, gastricBubble, gamma, gain, offset);
    }

    private static double[] shift(double[] a, double d) {
        return new double[] {a[0] + d, a[1] + d};
    }

    /** -1 when lateral is towards x = 0 (image-left side), +1 otherwise. */
    static int lateral(int side) {
        return side == 0 ? -1 : 1;
    }

    /** Height of the diaphragm under hemithorax {@code side} at unit x. */
    double dome(int side, double x) {
        double t = (x - lungCx[side]) / lungRx[side];
        return domeLevel[side] + domeCurve[side] * t * t;
    }
}
