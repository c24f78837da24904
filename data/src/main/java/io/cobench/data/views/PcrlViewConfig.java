package io.cobench.data.views;

/**
 * PCRLv2's views: two global crops (random resized crop, small rotation, flip; the input also
 * gets greyscale, blur, colour jitter and cutout) and small local crops.
 *
 * @param globalScaleMin smallest area fraction of a global crop (0.3; largest 1)
 * @param localScaleMin smallest area fraction of a local crop (0.05)
 * @param localScaleMax largest area fraction of a local crop (0.3)
 * @param localViews number of local crops (6); 0 leaves out the local loss
 * @param localSize side of a local crop at 224 px (96), scaled with the image size
 * @param rotation largest rotation in degrees, either way (10)
 * @param grayscaleProbability probability of greyscale (0.2)
 * @param blurProbability probability of Gaussian blur (0.5)
 * @param sigmaMin smallest blur sigma at 224 px (0.1)
 * @param sigmaMax largest blur sigma at 224 px (2.0)
 * @param jitter colour jitter, always applied (0.4, 0.4, 0.4, 0.4)
 * @param cutoutHoles cutout holes in each global input (3)
 * @param cutoutLength cutout hole side at 224 px (32)
 */
public record PcrlViewConfig(double globalScaleMin, double localScaleMin, double localScaleMax, int localViews,
                             int localSize, double rotation, double grayscaleProbability, double blurProbability,
                             double sigmaMin, double sigmaMax, Photometric.Jitter jitter, int cutoutHoles,
                             int cutoutLength) {
    public PcrlViewConfig {
        if (!(globalScaleMin > 0 && globalScaleMin <= 1)) {
            throw new IllegalArgumentException("views.globalScaleMin must be in (0,1], got " + globalScaleMin);
        }
        if (!(localScaleMin > 0 && localScaleMax >= localScaleMin && localScaleMax <= 1)) {
            throw new IllegalArgumentException("views.localScaleMin/localScaleMax must satisfy 0 < min <= max <= 1, got "
                    + localScaleMin + ", " + localScaleMax);
        }
        if (localViews < 0 || localSize < 1 || cutoutHoles < 0 || cutoutLength < 0) {
            throw new IllegalArgumentException("views: localViews, cutoutHoles, cutoutLength must be >= 0 and "
                    + "localSize >= 1, got " + localViews + ", " + cutoutHoles + ", " + cutoutLength + ", " + localSize);
        }
        if (!(rotation >= 0 && rotation <= 180)) {
            throw new IllegalArgumentException("views.rotation must be in [0,180] degrees, got " + rotation);
        }
        ViewChecks.probability("views.grayscaleProbability", grayscaleProbability);
        ViewChecks.probability("views.blurProbability", blurProbability);
        ViewChecks.sigmas(sigmaMin, sigmaMax);
        if (jitter == null) {
            throw new IllegalArgumentException("views.jitter is required");
        }
    }

    public static PcrlViewConfig paper() {
        return new PcrlViewConfig(0.3, 0.05, 0.3, 6, 96, 10, 0.2, 0.5, 0.1, 2.0,
                new Photometric.Jitter(0.4, 0.4, 0.4, 0.4), 3, 32);
    }

    /** A copy with another number of local crops. */
    public PcrlViewConfig withLocalViews(int n) {
        return new PcrlViewConfig(globalScaleMin, localScaleMin, localScaleMax, n, localSize, rotation,
                grayscaleProbability, blurProbability, sigmaMin, sigmaMax, jitter, cutoutHoles, cutoutLength);
    }
}
