package io.cobench.data.pipeline;

/**
 * Per-channel mean and standard deviation applied as {@code (v/255 - mean) / std}. Recorded in
 * the run config so that downstream evaluation normalises exactly as pretraining did.
 */
public record Normalization(double[] mean, double[] std) {
    public static final Normalization IMAGENET = new Normalization(
            new double[] {0.485, 0.456, 0.406}, new double[] {0.229, 0.224, 0.225});
    public static final Normalization UNIT = new Normalization(new double[] {0.5}, new double[] {0.5});

    /** The normalised value of an 8-bit sample in channel {@code c} (the last entry repeats). */
    public float apply(int value, int c) {
        int i = Math.min(c, mean.length - 1);
        return (float) ((value / 255.0 - mean[i]) / std[i]);
    }

    /**
     * The normalised value of a sample already scaled to [0, 1] (augmentations work on such
     * floats and would lose precision if rounded back to 8 bits first).
     */
    public float applyUnit(float value, int c) {
        int i = Math.min(c, mean.length - 1);
        return (float) ((value - mean[i]) / std[i]);
    }
}
