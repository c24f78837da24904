package io.cobench.coboom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class CodebookInitTest {

    /** Row i of the features is (i, -i): each row says which one it is. */
    private static INDArray features(int n) {
        INDArray f = Nd4j.zeros(DataType.DOUBLE, n, 2);
        for (int i = 0; i < n; i++) {
            f.putScalar(i, 0, i);
            f.putScalar(i, 1, -i);
        }
        return f;
    }

    @Test
    void withEnoughFeaturesEveryCodeIsADistinctFeatureRow() {
        INDArray codebook = Nd4j.zeros(DataType.DOUBLE, 5, 2);
        CodebookInit.fromData(codebook, features(12), new SplittableRandom(3));
        Set<Double> seen = new HashSet<>();
        for (int k = 0; k < 5; k++) {
            double i = codebook.getDouble(k, 0);
            assertEquals(Math.rint(i), i, 0.0);
            assertEquals(-i, codebook.getDouble(k, 1), 0.0);
            assertTrue(i >= 0 && i < 12);
            seen.add(i);
        }
        assertEquals(5, seen.size());
    }

    @Test
    void withTooFewFeaturesRepeatsAreJitteredApart() {
        INDArray codebook = Nd4j.zeros(DataType.DOUBLE, 7, 2);
        INDArray f = features(3);
        CodebookInit.fromData(codebook, f, new SplittableRandom(4));
        double jitter = 0.01 * f.stdNumber().doubleValue();
        Set<Double> exact = new HashSet<>();
        for (int k = 0; k < 3; k++) {
            exact.add(codebook.getDouble(k, 0));
        }
        assertEquals(Set.of(0.0, 1.0, 2.0), exact);
        for (int k = 3; k < 7; k++) {
            double i = codebook.getDouble(k, 0);
            double nearest = Math.rint(i);
            assertTrue(Math.abs(i - nearest) > 0 && Math.abs(i - nearest) < 6 * jitter, "row " + k + ": " + i);
        }
    }

    @Test
    void theSameSeedGivesTheSameCodebook() {
        INDArray a = Nd4j.zeros(DataType.DOUBLE, 6, 2);
        INDArray b = Nd4j.zeros(DataType.DOUBLE, 6, 2);
        CodebookInit.fromData(a, features(4), new SplittableRandom(9));
        CodebookInit.fromData(b, features(4), new SplittableRandom(9));
        assertEquals(a, b);
    }
}
