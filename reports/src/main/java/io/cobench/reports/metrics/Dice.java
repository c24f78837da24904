package io.cobench.reports.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Dice overlap of binary segmentation masks.
 *
 * <p>Per image: 2|P∩T| / (|P| + |T|). An image whose ground truth is empty (most SIIM negatives)
 * has no overlap to measure, so it scores 1 when the prediction is empty too and 0 otherwise;
 * without that rule the mean over a balanced test set would be undefined for half the images.
 * The pooled Dice sums intersections and sizes over all pixels of all images first.
 */
public final class Dice {

    /** Probabilities strictly above this value are foreground. */
    public static final double THRESHOLD = 0.5;

    private Dice() {
    }

    /** Foreground mask of probabilities in [0, 1] at {@link #THRESHOLD}. */
    public static boolean[] binarize(double[] probabilities) {
        boolean[] out = new boolean[probabilities.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = probabilities[i] > THRESHOLD;
        }
        return out;
    }

    /** Dice of one image with the empty-truth rule. */
    public static double perImage(boolean[] predicted, boolean[] truth) {
        Overlap o = Overlap.of(predicted, truth);
        return o.dice();
    }

    /**
     * Headline, positives-only and pooled Dice, and the all-empty floor, from per-image pixel
     * counts {@code {intersection, predicted, truth}} (the rows of a cell's overlap.csv).
     */
    public static DiceBreakdown breakdown(List<long[]> counts) {
        if (counts.isEmpty()) {
            throw new IllegalArgumentException("no images to score");
        }
        Overlap total = new Overlap(0, 0, 0);
        double sum = 0;
        double positiveSum = 0;
        int positives = 0;
        for (long[] c : counts) {
            if (c.length != 3 || c[0] < 0 || c[0] > c[1] || c[0] > c[2]) {
                throw new IllegalArgumentException("pixel counts must be {intersection <= predicted, truth}, got "
                        + java.util.Arrays.toString(c));
            }
            Overlap o = new Overlap(c[0], c[1], c[2]);
            total = total.plus(o);
            double d = o.dice();
            sum += d;
            if (o.truth() > 0) {
                positives++;
                positiveSum += d;
            }
        }
        int n = counts.size();
        return new DiceBreakdown(n, positives, sum / n, positives == 0 ? Double.NaN : positiveSum / positives,
                total.dice(), (n - positives) / (double) n);
    }

    /** Pixel counts of one image, or of many images added up. */
    record Overlap(long intersection, long predicted, long truth) {
        static Overlap of(boolean[] p, boolean[] t) {
            if (p.length != t.length) {
                throw new IllegalArgumentException("masks differ in size: " + p.length + " vs " + t.length);
            }
            long inter = 0;
            long ps = 0;
            long ts = 0;
            for (int i = 0; i < p.length; i++) {
                ps += p[i] ? 1 : 0;
                ts += t[i] ? 1 : 0;
                inter += p[i] && t[i] ? 1 : 0;
            }
            return new Overlap(inter, ps, ts);
        }

        Overlap plus(Overlap o) {
            return new Overlap(intersection + o.intersection, predicted + o.predicted, truth + o.truth);
        }

        double dice() {
            if (truth == 0) {
                return predicted == 0 ? 1.0 : 0.0;
            }
            return 2.0 * intersection / (predicted + truth);
        }
    }

    /** Collects images one at a time, so a test set never has to sit in memory at once. */
    public static final class Accumulator {
        private final List<Double> perImage = new ArrayList<>();
        private final List<long[]> counts = new ArrayList<>();
        private Overlap total = new Overlap(0, 0, 0);

        /** Adds one image and returns its Dice. */
        public double add(boolean[] predicted, boolean[] truth) {
            Overlap o = Overlap.of(predicted, truth);
            counts.add(new long[] {o.intersection(), o.predicted(), o.truth()});
            total = total.plus(o);
            double d = o.dice();
            perImage.add(d);
            return d;
        }

        /**
         * Mean per-image Dice and pooled Dice. A test set with no foreground anywhere gets
         * pooled Dice by the same empty-truth rule as a single image.
         */
        public DiceSummary summary() {
            if (perImage.isEmpty()) {
                throw new IllegalStateException("no images were added");
            }
            double mean = perImage.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            return new DiceSummary(List.copyOf(perImage), mean, total.dice());
        }

        /** The images added so far as a {@link Dice#breakdown}: positives-only Dice and the all-empty floor. */
        public DiceBreakdown breakdown() {
            if (counts.isEmpty()) {
                throw new IllegalStateException("no images were added");
            }
            return Dice.breakdown(counts);
        }
    }
}
