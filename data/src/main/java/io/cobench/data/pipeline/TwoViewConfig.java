package io.cobench.data.pipeline;

/**
 * Parameters of the two-view augmentation (methods.md, "Two-view augmentation"). The defaults
 * ({@link #coboom()}) are the official CoBooM pipeline, also used by the generic baselines.
 *
 * @param outputSize edge of the views and target in pixels; 0 = the cached image size
 * @param outputChannels channels of the outputs: 0 = as cached, 3 = grey repeated three times (as
 *     PIL's convert('RGB') gives), 1 = grey
 * @param blurKernelFraction kernel size as a fraction of the output size, made odd (23 at 224)
 */
public record TwoViewConfig(double scaleMin, double scaleMax, double ratioMin, double ratioMax, double flipP,
                            double jitterP, double brightness, double contrast, double saturation, double hue,
                            double greyP, double blurP, double sigmaMin, double sigmaMax,
                            double blurKernelFraction, int outputSize, int outputChannels) {

    public TwoViewConfig {
        check(scaleMin > 0 && scaleMin <= scaleMax && scaleMax <= 1, "crop scale range " + scaleMin + ".." + scaleMax);
        check(ratioMin > 0 && ratioMin <= ratioMax, "crop ratio range " + ratioMin + ".." + ratioMax);
        check(prob(flipP) && prob(jitterP) && prob(greyP) && prob(blurP), "probabilities must lie in [0, 1]");
        check(brightness >= 0 && contrast >= 0 && saturation >= 0, "jitter strengths must be non-negative");
        check(hue >= 0 && hue <= 0.5, "hue jitter " + hue + " must lie in [0, 0.5]");
        check(sigmaMin > 0 && sigmaMin <= sigmaMax, "blur sigma range " + sigmaMin + ".." + sigmaMax);
        check(blurKernelFraction > 0 && blurKernelFraction <= 1, "blur kernel fraction " + blurKernelFraction);
        check(outputSize >= 0, "output size " + outputSize);
        check(outputChannels == 0 || outputChannels == 1 || outputChannels == 3,
                "output channels " + outputChannels + " (0, 1 or 3)");
    }

    /** RandomResizedCrop(0.08-1, 3/4-4/3), flip, jitter (0.4, 0.4, 0.2, 0.1) p 0.8, grey p 0.2, blur 0.1-2 p 1. */
    public static TwoViewConfig coboom() {
        return new TwoViewConfig(0.08, 1.0, 3.0 / 4.0, 4.0 / 3.0, 0.5, 0.8, 0.4, 0.4, 0.2, 0.1, 0.2, 1.0, 0.1, 2.0,
                0.1, 0, 3);
    }

    public TwoViewConfig withOutputChannels(int c) {
        return new TwoViewConfig(scaleMin, scaleMax, ratioMin, ratioMax, flipP, jitterP, brightness, contrast,
                saturation, hue, greyP, blurP, sigmaMin, sigmaMax, blurKernelFraction, outputSize, c);
    }

    /** The same pipeline with crops of at least {@code min} of the image area (official: 0.08). */
    public TwoViewConfig withScaleMin(double min) {
        return new TwoViewConfig(min, scaleMax, ratioMin, ratioMax, flipP, jitterP, brightness, contrast,
                saturation, hue, greyP, blurP, sigmaMin, sigmaMax, blurKernelFraction, outputSize, outputChannels);
    }

    public TwoViewConfig withOutputSize(int s) {
        return new TwoViewConfig(scaleMin, scaleMax, ratioMin, ratioMax, flipP, jitterP, brightness, contrast,
                saturation, hue, greyP, blurP, sigmaMin, sigmaMax, blurKernelFraction, s, outputChannels);
    }

    private static boolean prob(double p) {
        return p >= 0 && p <= 1;
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException("two-view augmentation: bad " + what);
        }
    }
}
