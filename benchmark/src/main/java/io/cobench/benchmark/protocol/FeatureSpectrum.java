package io.cobench.benchmark.protocol;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How an encoder's features spread over the test images: the eigenvalues of their correlation
 * matrix (each feature standardised), largest first.
 *
 * <p>Why it is stored beside the AUC: a self-supervised encoder can collapse, mapping every image
 * to nearly one direction, and then no linear probe recovers what it folded away. In the first CPU
 * study BYOL's features put 77 % of their variance on one component (effective rank 3.3, against
 * 19.2 for the random encoder), which explained its AUC below the floor (docs/cpu-study.md). With
 * the spectrum in every linear cell, a collapse shows in the stored results rather than in a
 * separate analysis.
 *
 * @param eigenvalues of the standardised features' covariance, descending, never negative
 */
public record FeatureSpectrum(double[] eigenvalues) {

    public FeatureSpectrum {
        eigenvalues = eigenvalues.clone();
    }

    /** The spectrum of {@code features} [images, features]; a feature that never varies counts as zero. */
    public static FeatureSpectrum of(INDArray features) {
        if (features.rank() != 2 || features.size(0) < 2) {
            throw new IllegalArgumentException("features must be [images >= 2, features], got "
                    + Arrays.toString(features.shape()));
        }
        // double precision throughout: the eigenvalues of a collapsed encoder span many decades
        INDArray x = features.castTo(DataType.DOUBLE);
        long n = x.size(0);
        INDArray mean = x.mean(0);
        INDArray sd = x.std(true, 0);
        INDArray z = x.subRowVector(mean);
        double[] s = sd.toDoubleVector();
        double[] m = mean.toDoubleVector();
        double[] inv = new double[s.length];
        for (int j = 0; j < s.length; j++) {
            // a feature that never varies contributes nothing rather than noise divided by zero
            inv[j] = s[j] > 1e-12 * Math.max(1, Math.abs(m[j])) ? 1 / s[j] : 0;
        }
        z.muliRowVector(Nd4j.createFromArray(inv));
        INDArray cov = z.transpose().mmul(z).divi(n - 1);
        // LAPACK's symmetric solver (dsyev) rather than a Java one: a paper-scale ResNet-50 has 2,048 features
        double[] ev = Eigen.symmetricGeneralizedEigenvalues(cov, false).toDoubleVector();
        double[] sorted = Arrays.stream(ev).map(v -> Math.max(0, v)).sorted().toArray();
        double[] desc = new double[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            desc[i] = sorted[sorted.length - 1 - i];
        }
        return new FeatureSpectrum(desc);
    }

    /**
     * exp of the entropy of the eigenvalue shares (Roy and Vetterli's effective rank): 1 when one
     * direction holds all variance, the number of features when all hold the same; NaN without variance.
     */
    public double effectiveRank() {
        double total = Arrays.stream(eigenvalues).sum();
        if (!(total > 0)) {
            return Double.NaN;
        }
        double h = 0;
        for (double v : eigenvalues) {
            double p = v / total;
            if (p > 0) {
                h -= p * Math.log(p);
            }
        }
        return Math.exp(h);
    }

    /** The largest eigenvalue's share of the total variance; NaN without variance. */
    public double topShare() {
        double total = Arrays.stream(eigenvalues).sum();
        return total > 0 ? eigenvalues[0] / total : Double.NaN;
    }
}
