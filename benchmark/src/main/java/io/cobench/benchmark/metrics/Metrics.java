package io.cobench.benchmark.metrics;

/**
 * The metrics that cells store. Kept as an interface so that the reports module's functions
 * (which recompute the same numbers from the stored files) can be plugged in unchanged.
 */
public interface Metrics {

    /** The implementation every protocol uses. */
    Metrics DEFAULT = new ReportsMetrics();

    /**
     * Area under the ROC curve of {@code scores} against 0/1 {@code labels}, ties counted half
     * (Mann-Whitney). NaN when the labels hold one value only (the AUC is undefined there).
     */
    double auc(float[] scores, float[] labels);

    /**
     * Dice of one image: {@code 2|P and T| / (|P| + |T|)}, where the prediction P is
     * {@code prob > threshold} and the truth T is {@code mask > 0.5}. An empty truth scores 1 when P
     * is empty too and 0 otherwise (the GLoRIA/MGCA rule).
     */
    DiceCounts dice(float[] prob, float[] mask, double threshold);

    /**
     * Pixel counts of one image, from which both the per-image and the pooled Dice follow.
     *
     * @param intersection pixels in P and T
     * @param predicted pixels in P
     * @param truth pixels in T
     */
    record DiceCounts(long intersection, long predicted, long truth) {
        /** Per-image Dice with the empty-mask rule. */
        public double dice() {
            if (truth == 0) {
                return predicted == 0 ? 1.0 : 0.0;
            }
            return 2.0 * intersection / (predicted + truth);
        }

        /** Dice over all pixels of all images (empty everywhere scores 1). */
        public static double pooled(Iterable<DiceCounts> all) {
            long i = 0;
            long p = 0;
            long t = 0;
            for (DiceCounts c : all) {
                i += c.intersection;
                p += c.predicted;
                t += c.truth;
            }
            return p + t == 0 ? 1.0 : 2.0 * i / (p + t);
        }
    }
}
