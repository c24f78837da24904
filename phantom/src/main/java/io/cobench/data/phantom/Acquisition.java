package io.cobench.data.phantom;

import java.util.List;
import java.util.SplittableRandom;

/**
 * How one chest radiograph was taken, apart from the patient: positioning against the detector
 * (rotation, magnification, off-centre), exposure and windowing, detector noise, collimation, and
 * what lay on the patient or was burnt into the image (ECG electrodes and their leads, a catheter,
 * a side marker). Real NIH radiographs vary in all of these, and far more than in anatomy; without
 * them a phantom's findings are separable by global intensity statistics that a random-initialised
 * encoder already exposes, and no learned invariance can pay off (docs/phantom.md).
 *
 * <p>It is drawn from the image's own stream, independent of the findings, so it carries no label
 * information and a picture painted with and without one finding still differs only where the
 * finding is.
 */
record Acquisition(double angle, double zoom, double dx, double dy,
                   double gain, double offset, double gamma, double noise,
                   double[] collimation, int electrodes, boolean catheter, int marker, long seed) {

    /** Version of the model, written into the phantom marker; readers refuse other versions. */
    static final int VERSION = 2;

    static Acquisition sample(long imageSeed) {
        SplittableRandom r = Seeds.rng(imageSeed, "acquisition");
        double[] coll = Seeds.chance(r, 0.2)
                ? new double[] {Seeds.uniform(r, 0, 0.1), Seeds.uniform(r, 0, 0.08), Seeds.uniform(r, 0, 0.1),
                    Seeds.uniform(r, 0, 0.08)}
                : new double[] {0, 0, 0, 0};
        return new Acquisition(
                Math.toRadians(Seeds.uniform(r, -4, 4)), Seeds.uniform(r, 0.85, 1.15),
                Seeds.uniform(r, -0.07, 0.07), Seeds.uniform(r, -0.07, 0.07),
                Seeds.uniform(r, 0.7, 1.3), Seeds.uniform(r, -0.12, 0.12), Seeds.uniform(r, 0.8, 1.25),
                Seeds.uniform(r, 0.006, 0.02), coll,
                Seeds.chance(r, 0.25) ? 2 + r.nextInt(3) : 0, Seeds.chance(r, 0.15), r.nextInt(4), r.nextLong());
    }

    /** Electrodes, leads and a catheter: radio-opaque objects on the patient, painted before positioning. */
    void devices(ChestPainter p, ChestAnatomy a, Canvas c) {
        SplittableRandom r = Seeds.rng(seed, "devices");
        Mask rings = new Mask(p.size, p.size);
        Mask wires = new Mask(p.size, p.size);
        for (int k = 0; k < electrodes; k++) {
            double x = Seeds.uniform(r, 0.15, 0.85);
            double y = Seeds.uniform(r, 0.08, 0.8);
            double rad = Seeds.uniform(r, 0.014, 0.022);
            rings.max(p.ell(x, y, rad, rad, 0, 0.004));
            // the lead runs from the electrode to an image edge with a sag
            double ex = x < 0.5 ? Seeds.uniform(r, -0.05, 0.1) : Seeds.uniform(r, 0.9, 1.05);
            double ey = Seeds.uniform(r, 0.5, 1.05);
            p.curve(wires, x, y, (x + ex) / 2 + Seeds.uniform(r, -0.1, 0.1), (y + ey) / 2 + Seeds.uniform(r, 0, 0.15),
                    ex, ey, 0.0035);
        }
        if (catheter) {
            double x0 = a.spineX() + Seeds.uniform(r, 0.12, 0.22) * (Seeds.chance(r, 0.5) ? 1 : -1);
            p.curve(wires, x0, -0.02, a.spineX() + Seeds.uniform(r, -0.03, 0.03), 0.2,
                    a.spineX() + Seeds.uniform(r, 0.0, 0.04), Seeds.uniform(r, 0.38, 0.5), 0.005);
        }
        c.add(wires, 0.22f);
        Mask hollow = rings.copy();
        for (int k = 0; k < rings.m.length; k++) {
            hollow.m[k] = 0.6f * rings.m[k];
        }
        c.add(hollow, 0.35f);
    }

    /**
     * The patient's position on the detector: the canvas and every region mask are rotated about the
     * centre, magnified and shifted with one inverse map, so the boxes and SIIM masks follow.
     */
    void position(Canvas c, float background, List<Mask> regions) {
        int s = c.width;
        double cos = StrictMath.cos(angle);
        double sin = StrictMath.sin(angle);
        for (float[] plane : c.planes) {
            warp(plane, s, cos, sin, background);
        }
        for (Mask m : regions) {
            warp(m.m, s, cos, sin, 0f);
        }
    }

    private void warp(float[] p, int s, double cos, double sin, float fill) {
        float[] src = p.clone();
        double half = s / 2.0;
        for (int y = 0; y < s; y++) {
            for (int x = 0; x < s; x++) {
                // output pixel -> unit offset from the centre, shift undone, then rotation and zoom undone
                double u = (x + 0.5 - half) / s - dx;
                double v = (y + 0.5 - half) / s - dy;
                double su = (cos * u + sin * v) / zoom;
                double sv = (-sin * u + cos * v) / zoom;
                p[y * s + x] = bilinear(src, s, su * s + half - 0.5, sv * s + half - 0.5, fill);
            }
        }
    }

    private static float bilinear(float[] src, int s, double fx, double fy, float fill) {
        int x0 = (int) Math.floor(fx);
        int y0 = (int) Math.floor(fy);
        double tx = fx - x0;
        double ty = fy - y0;
        float v00 = at(src, s, x0, y0, fill);
        float v10 = at(src, s, x0 + 1, y0, fill);
        float v01 = at(src, s, x0, y0 + 1, fill);
        float v11 = at(src, s, x0 + 1, y0 + 1, fill);
        return (float) ((1 - ty) * ((1 - tx) * v00 + tx * v10) + ty * ((1 - tx) * v01 + tx * v11));
    }

    private static float at(float[] src, int s, int x, int y, float fill) {
        return x < 0 || y < 0 || x >= s || y >= s ? fill : src[y * s + x];
    }

    /** Exposure and windowing of the stored 8-bit image, after the film response. */
    void window(Canvas c) {
        for (float[] p : c.planes) {
            for (int i = 0; i < p.length; i++) {
                float v = Math.max(0f, Math.min(1f, p[i]));
                p[i] = (float) (gain * StrictMath.pow(v, gamma) + offset);
            }
        }
    }

    /** Collimator shutters: bands along the edges where the beam was blocked. */
    void collimate(Canvas c, float value) {
        int s = c.width;
        int left = (int) Math.round(collimation[0] * s);
        int top = (int) Math.round(collimation[1] * s);
        int right = s - (int) Math.round(collimation[2] * s);
        int bottom = s - (int) Math.round(collimation[3] * s);
        for (float[] p : c.planes) {
            for (int y = 0; y < s; y++) {
                for (int x = 0; x < s; x++) {
                    if (x < left || x >= right || y < top || y >= bottom) {
                        p[y * s + x] = value;
                    }
                }
            }
        }
    }

    /** A burnt-in side marker in one corner: a bright block letter the technician places. */
    void mark(ChestPainter p, Canvas c) {
        double x = (marker & 1) == 0 ? 0.08 : 0.86;
        double y = (marker & 2) == 0 ? 0.08 : 0.84;
        double h = 0.07;
        Mask m = new Mask(p.size, p.size)
                .max(p.cap(x, y, x, y + h, 0.009))
                .max(p.cap(x, y + h, x + 0.045, y + h, 0.009));
        c.blend(m, 1f, 0.97f);
    }
}
