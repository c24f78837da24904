package io.cobench.data.phantom;

/**
 * Smooth lattice noise in [0, 1): hashed values on an integer grid, blended with a quintic
 * fade. Used for tissue texture, mottled opacities and reticular patterns. Only integer
 * arithmetic and IEEE float operations are used, so the values are identical on every machine.
 */
final class ValueNoise {
    private final long seed;

    ValueNoise(long seed) {
        this.seed = Seeds.mix(seed);
    }

    private double lattice(long ix, long iy) {
        // one SplitMix finaliser over a mix of the coordinates: the hot loop of every texture
        long z = seed ^ (ix * 0x9E3779B97F4A7C15L) ^ (iy * 0xC2B2AE3D27D4EB4FL);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53;
    }

    private static double fade(double t) {
        return t * t * t * (t * (t * 6 - 15) + 10);
    }

    /** Noise at (x, y) in lattice units. */
    double at(double x, double y) {
        double fx = Math.floor(x);
        double fy = Math.floor(y);
        long ix = (long) fx;
        long iy = (long) fy;
        double tx = fade(x - fx);
        double ty = fade(y - fy);
        double a = lattice(ix, iy);
        double b = lattice(ix + 1, iy);
        double c = lattice(ix, iy + 1);
        double d = lattice(ix + 1, iy + 1);
        double top = a + (b - a) * tx;
        double bottom = c + (d - c) * tx;
        return top + (bottom - top) * ty;
    }

    /** Fractal sum of {@code octaves} octaves, each at twice the frequency and half the weight. */
    double fbm(double x, double y, int octaves) {
        double sum = 0;
        double weight = 0.5;
        double total = 0;
        double f = 1;
        for (int o = 0; o < octaves; o++) {
            sum += weight * at(x * f + 17.3 * o, y * f - 9.1 * o);
            total += weight;
            weight *= 0.5;
            f *= 2;
        }
        return sum / total;
    }
}
