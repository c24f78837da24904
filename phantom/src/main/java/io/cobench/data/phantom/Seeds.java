package io.cobench.data.phantom;

import java.util.SplittableRandom;

/**
 * Derives independent random streams from the master seed and a path of names and numbers.
 * Every image and every drawn part has its own stream, so that output does not depend on the
 * order or thread in which images are generated, and adding one lesion does not move the noise
 * of the rest of the picture.
 */
final class Seeds {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    /** A 64-bit mix of the parts (the SplitMix64 finaliser applied per part). */
    static long mix(long seed, long... parts) {
        long h = finalise(seed + GOLDEN);
        for (long p : parts) {
            h = finalise(h ^ finalise(p + GOLDEN));
        }
        return h;
    }

    static long mix(long seed, String stream, long... parts) {
        long[] all = new long[parts.length + 1];
        all[0] = stream.hashCode();
        System.arraycopy(parts, 0, all, 1, parts.length);
        return mix(seed, all);
    }

    static SplittableRandom rng(long seed, String stream, long... parts) {
        return new SplittableRandom(mix(seed, stream, parts));
    }

    private static long finalise(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [lo, hi). */
    static double uniform(SplittableRandom r, double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }

    /** Standard normal by Box-Muller; StrictMath keeps the bits equal on every machine. */
    static double gaussian(SplittableRandom r) {
        double u = 1.0 - r.nextDouble();
        double v = r.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2 * Math.PI * v);
    }

    static boolean chance(SplittableRandom r, double p) {
        return r.nextDouble() < p;
    }
}
