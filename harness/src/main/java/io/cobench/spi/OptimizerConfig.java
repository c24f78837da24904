package io.cobench.spi;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One optimiser and its schedule. {@code baseLr} is scaled by batch/256 when {@code scaleByBatch}
 * is set (the LARS convention of the SSL papers). The schedule is a linear warmup over
 * {@code warmupFraction} of the run, then cosine decay to {@code finalLrFraction * lr}.
 *
 * @param type lars, sgd or adamw
 * @param clipNorm global gradient-norm clip over this optimiser's parameters; 0 disables it
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record OptimizerConfig(String type, double baseLr, boolean scaleByBatch, double weightDecay,
                              double momentum, double beta1, double beta2, double eps, double eta,
                              double warmupFraction, double finalLrFraction, double clipNorm) {
    public OptimizerConfig {
        if (type == null || !(type.equals("lars") || type.equals("sgd") || type.equals("adamw"))) {
            throw new IllegalArgumentException("optimizer type must be lars, sgd or adamw, got " + type);
        }
        if (!(baseLr >= 0) || !(weightDecay >= 0) || warmupFraction < 0 || warmupFraction >= 1) {
            throw new IllegalArgumentException("optimizer: need baseLr >= 0, weightDecay >= 0, 0 <= warmupFraction < 1");
        }
    }

    public static OptimizerConfig lars(double baseLr, double weightDecay) {
        return new OptimizerConfig("lars", baseLr, true, weightDecay, 0.9, 0.9, 0.999, 1e-8, 0.001, 0.1, 0.0, 0.0);
    }

    public static OptimizerConfig sgd(double lr, double momentum, double weightDecay) {
        return new OptimizerConfig("sgd", lr, false, weightDecay, momentum, 0.9, 0.999, 1e-8, 0.001, 0.0, 0.0, 0.0);
    }

    public static OptimizerConfig adamw(double lr, double beta1, double beta2, double weightDecay) {
        return new OptimizerConfig("adamw", lr, false, weightDecay, 0.0, beta1, beta2, 1e-8, 0.001, 0.0, 0.0, 0.0);
    }

    public OptimizerConfig withWarmup(double fraction) {
        return new OptimizerConfig(type, baseLr, scaleByBatch, weightDecay, momentum, beta1, beta2, eps, eta,
                fraction, finalLrFraction, clipNorm);
    }

    public OptimizerConfig withClip(double norm) {
        return new OptimizerConfig(type, baseLr, scaleByBatch, weightDecay, momentum, beta1, beta2, eps, eta,
                warmupFraction, finalLrFraction, norm);
    }

    /**
     * This optimiser's learning rate, batch scaling, schedule, momentum and clipping as plain SGD:
     * no LARS trust ratio, no weight decay (what {@code OptimizerGroup.plain} groups get).
     */
    public OptimizerConfig plainSgd() {
        return new OptimizerConfig("sgd", baseLr, scaleByBatch, 0.0, momentum, beta1, beta2, eps, eta,
                warmupFraction, finalLrFraction, clipNorm);
    }

    /** The peak learning rate for a batch of {@code batch}. */
    public double peakLr(int batch) {
        return scaleByBatch ? baseLr * batch / 256.0 : baseLr;
    }
}
