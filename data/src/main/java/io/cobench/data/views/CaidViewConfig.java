package io.cobench.data.views;

/**
 * CAiD's and DiRA's views: random resized crop, colour jitter, blur and flip, then one
 * restoration distortion; the target is the grey crop before jitter, blur and distortion.
 *
 * @param cropScaleMin smallest area fraction of the random resized crop (reference 0.2; largest is 1)
 * @param jitterProbability probability of colour jitter (0.8)
 * @param jitter jitter strengths (0.4, 0.4, 0.4, 0.1)
 * @param blurProbability probability of Gaussian blur (0.5)
 * @param sigmaMin smallest blur sigma at 224 px (0.1)
 * @param sigmaMax largest blur sigma at 224 px (2.0)
 * @param inPaint probability of in-painting (0.30)
 * @param outPaint probability of out-painting (0.05)
 * @param swap probability of local patch swaps (0.30); no distortion otherwise (0.35)
 * @param flipTarget flip the target with the input (true). The reference code flips only the
 *                   input, so the restoration target is mirrored half of the time; false
 *                   reproduces that for parity runs.
 */
public record CaidViewConfig(double cropScaleMin, double jitterProbability, Photometric.Jitter jitter,
                             double blurProbability, double sigmaMin, double sigmaMax, double inPaint,
                             double outPaint, double swap, boolean flipTarget) {
    public CaidViewConfig {
        if (!(cropScaleMin > 0 && cropScaleMin <= 1)) {
            throw new IllegalArgumentException("views.cropScaleMin must be in (0,1], got " + cropScaleMin);
        }
        ViewChecks.probability("views.jitterProbability", jitterProbability);
        ViewChecks.probability("views.blurProbability", blurProbability);
        ViewChecks.sigmas(sigmaMin, sigmaMax);
        ViewChecks.probability("views.inPaint", inPaint);
        ViewChecks.probability("views.outPaint", outPaint);
        ViewChecks.probability("views.swap", swap);
        if (inPaint + outPaint + swap > 1 + 1e-9) {
            throw new IllegalArgumentException("views.inPaint + outPaint + swap must be <= 1, got "
                    + (inPaint + outPaint + swap));
        }
        if (jitter == null) {
            throw new IllegalArgumentException("views.jitter is required");
        }
    }

    public static CaidViewConfig paper() {
        return new CaidViewConfig(0.2, 0.8, new Photometric.Jitter(0.4, 0.4, 0.4, 0.1), 0.5, 0.1, 2.0,
                0.30, 0.05, 0.30, true);
    }
}
