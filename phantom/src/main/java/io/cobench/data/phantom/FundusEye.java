package io.cobench.data.phantom;

import java.util.SplittableRandom;

/**
 * One photographed eye: picture size, the fundus circle (pixels; it may be cut by the top and
 * bottom edges, as in many EyePACS images), laterality, pigmentation and camera exposure.
 * Both eyes of a patient share the pigmentation.
 */
record FundusEye(int width, int height, double cx, double cy, double radius, boolean right,
                 double[] pigment, double exposure, double discRadius, double cupRatio, long seed) {

    /** Patient pigmentation: lighter orange to darker red-brown fundi. */
    static double[] pigment(SplittableRandom r) {
        double t = r.nextDouble();
        return new double[] {0.82 - 0.22 * t, 0.4 - 0.2 * t, 0.16 - 0.08 * t};
    }

    static FundusEye sample(SplittableRandom r, int width, int height, double radiusFraction, boolean right,
                            double[] pigment, long seed) {
        double radius = radiusFraction * Math.min(width, height) * Seeds.uniform(r, 0.97, 1.03);
        return new FundusEye(width, height, width / 2.0 + Seeds.uniform(r, -0.02, 0.02) * width,
                height / 2.0 + Seeds.uniform(r, -0.02, 0.02) * height, radius, right, pigment,
                Seeds.uniform(r, 0.85, 1.12), Seeds.uniform(r, 0.095, 0.115), Seeds.uniform(r, 0.3, 0.45), seed);
    }

    /** +1 when nasal is towards larger x: in a right eye the disc sits right of the macula. */
    int nasal() {
        return right ? 1 : -1;
    }

    double discX() {
        return cx + nasal() * 0.3 * radius;
    }

    double discY() {
        return cy - 0.03 * radius;
    }

    double maculaX() {
        return cx - nasal() * 0.08 * radius;
    }

    double maculaY() {
        return cy + 0.02 * radius;
    }
}
