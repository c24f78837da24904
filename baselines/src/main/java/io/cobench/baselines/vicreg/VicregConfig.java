package io.cobench.baselines.vicreg;

import io.cobench.graph.MlpConfig;

/**
 * VICReg's expander and loss weights.
 *
 * @param expander encoder features to the embedding: Linear-BN-ReLU twice, then Linear
 *                 (2048 wide at ResNet-18 scale)
 * @param invarianceWeight lambda (25)
 * @param varianceWeight mu (25)
 * @param covarianceWeight nu (1)
 * @param varianceForm {@code halved} as the reference (default) or {@code summed} as solo-learn
 * @param varianceEps added to the variance under the square root (1e-4)
 */
public record VicregConfig(MlpConfig expander, double invarianceWeight, double varianceWeight,
                           double covarianceWeight, VarianceForm varianceForm, double varianceEps) {
    public VicregConfig {
        if (expander == null || varianceForm == null) {
            throw new IllegalArgumentException("vicreg: expander and varianceForm are required");
        }
        if (!(invarianceWeight >= 0 && varianceWeight >= 0 && covarianceWeight >= 0)
                || invarianceWeight + varianceWeight + covarianceWeight == 0) {
            throw new IllegalArgumentException("vicreg: loss weights must be >= 0 and not all 0, got "
                    + invarianceWeight + ", " + varianceWeight + ", " + covarianceWeight);
        }
        if (!(varianceEps > 0)) {
            throw new IllegalArgumentException("vicreg: varianceEps must be > 0, got " + varianceEps);
        }
    }

    public static VicregConfig paper() {
        return new VicregConfig(new MlpConfig(3, 2048, 2048, true, false), 25, 25, 1, VarianceForm.HALVED, 1e-4);
    }
}
