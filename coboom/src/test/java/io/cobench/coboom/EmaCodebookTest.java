package io.cobench.coboom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class EmaCodebookTest {

    @Test
    void decaysCountsAndSumsThenDividesBySmoothedCounts() {
        INDArray codebook = Nd4j.create(new double[][] {{0}, {10}});
        INDArray count = Nd4j.create(new double[] {1, 1});
        INDArray sum = Nd4j.create(new double[][] {{0}, {10}});
        EmaCodebook.update(codebook, count, sum, Nd4j.create(new double[] {3, 0}), Nd4j.create(new double[][] {{6}, {0}}),
                0.5, 0.25);
        // count = 0.5*(1,1) + 0.5*(3,0) = (2, 0.5); sum = 0.5*(0,10) + 0.5*(6,0) = (3, 5)
        assertArrayEquals(new double[] {2, 0.5}, count.data().asDouble(), 1e-12);
        assertArrayEquals(new double[] {3, 5}, sum.data().asDouble(), 1e-12);
        // n = 2.5, smoothed = (count + 0.25) / (2.5 + 0.5) * 2.5 = (1.875, 0.625)
        assertArrayEquals(new double[] {1.6, 8.0}, codebook.data().asDouble(), 1e-12);
    }

    @Test
    void acceptsFloatBatchStatisticsForDoubleState() {
        INDArray codebook = Nd4j.zeros(DataType.DOUBLE, 2, 1);
        INDArray count = Nd4j.ones(DataType.DOUBLE, 2);
        INDArray sum = Nd4j.zeros(DataType.DOUBLE, 2, 1);
        EmaCodebook.update(codebook, count, sum, Nd4j.create(new float[] {2, 0}), Nd4j.create(new float[][] {{4}, {0}}),
                0.5, 0.25);
        // count (1.5, 0.5), sum (2, 0), n = 2, smoothed = (1.75, 0.75)/2.5*2 = (1.4, 0.6)
        assertArrayEquals(new double[] {2 / 1.4, 0}, codebook.data().asDouble(), 1e-12);
    }
}
