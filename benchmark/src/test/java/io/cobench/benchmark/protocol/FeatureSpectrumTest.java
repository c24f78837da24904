package io.cobench.benchmark.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** Spectra whose eigenvalues follow from the correlation of a few columns by hand. */
class FeatureSpectrumTest {

    @Test
    void uncorrelatedColumnsGiveFullRank() {
        // columns with zero correlation: eigenvalues 1 and 1
        FeatureSpectrum s = FeatureSpectrum.of(Nd4j.createFromArray(new double[][] {{1, 1}, {1, -1}, {-1, 1}, {-1, -1}}));
        assertArrayEquals(new double[] {1, 1}, s.eigenvalues(), 1e-12);
        assertEquals(2.0, s.effectiveRank(), 1e-12);
        assertEquals(0.5, s.topShare(), 1e-12);
    }

    @Test
    void aCollapsedEncoderHasRankOneAndAConstantFeatureCountsAsZero() {
        // the second column is twice the first and the third never varies: one direction holds everything
        FeatureSpectrum s = FeatureSpectrum.of(Nd4j.createFromArray(new double[][] {{1, 2, 5}, {2, 4, 5}, {4, 8, 5}}));
        assertArrayEquals(new double[] {2, 0, 0}, s.eigenvalues(), 1e-12);
        assertEquals(1.0, s.effectiveRank(), 1e-12);
        assertEquals(1.0, s.topShare(), 1e-12);
    }

    @Test
    void correlationOneThirdGivesEigenvaluesFourAndTwoThirds() {
        // sum of products 2 over 6 rows, variances 6/5: correlation (2/5)/(6/5) = 1/3, eigenvalues 1 +- 1/3
        FeatureSpectrum s = FeatureSpectrum.of(Nd4j.createFromArray(
                new double[][] {{1, 1}, {-1, -1}, {1, -1}, {-1, 1}, {1, 1}, {-1, -1}}));
        assertArrayEquals(new double[] {4.0 / 3, 2.0 / 3}, s.eigenvalues(), 1e-12);
        double h = -(2.0 / 3 * Math.log(2.0 / 3) + 1.0 / 3 * Math.log(1.0 / 3));
        assertEquals(Math.exp(h), s.effectiveRank(), 1e-12);
        assertEquals(2.0 / 3, s.topShare(), 1e-12);
    }

    @Test
    void noVarianceAtAllHasNoRank() {
        FeatureSpectrum s = FeatureSpectrum.of(Nd4j.createFromArray(new double[][] {{3, 3}, {3, 3}}));
        assertEquals(Double.NaN, s.effectiveRank());
        assertEquals(Double.NaN, s.topShare());
    }
}
