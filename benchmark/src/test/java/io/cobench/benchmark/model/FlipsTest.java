package io.cobench.benchmark.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cobench.benchmark.grid.GridConfig;
import io.cobench.benchmark.grid.GridLoader;
import io.cobench.benchmark.grid.TrainSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class FlipsTest {

    @Test
    void flipsOnlyTheMarkedRowsAlongTheWidth() {
        // Two images of 2 channels x 2 rows x 3 columns, values 0..23.
        INDArray x = Nd4j.arange(24).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).reshape(2, 2, 2, 3);
        INDArray y = Flips.horizontal(x, new boolean[] {false, true});
        float[] expect = {
            0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,        // row 0 untouched
            14, 13, 12, 17, 16, 15, 20, 19, 18, 23, 22, 21 // row 1: each line of 3 reversed
        };
        assertArrayEquals(expect, y.data().asFloat(), 0f);
        assertArrayEquals(new long[] {2, 2, 2, 3}, y.shape());
        assertEquals(12f, x.getFloat(1, 0, 0, 0), 0f, "the input is not changed");
    }

    @Test
    void flippingTwiceGivesTheImageBack() {
        INDArray x = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 3, 1, 4, 5);
        boolean[] all = {true, true, true};
        assertEquals(x, Flips.horizontal(Flips.horizontal(x, all), all));
    }

    @Test
    void drawIsReproducibleAndNearItsProbability() {
        boolean[] a = Flips.draw(10_000, 0.5, 7, 3);
        assertArrayEquals(a, Flips.draw(10_000, 0.5, 7, 3));
        int n = 0;
        for (boolean b : a) {
            n += b ? 1 : 0;
        }
        // Binomial(10000, 0.5): SD 50, so 4700..5300 is six SDs either way.
        assertEquals(5000, n, 300);
        for (boolean b : Flips.draw(100, 0.0, 7, 3)) {
            assertEquals(false, b);
        }
    }

    @Test
    void rejectsAnythingButAnNchwBatchOfTheRightSize() {
        assertThrows(IllegalArgumentException.class, () -> Flips.horizontal(Nd4j.zeros(2, 3), new boolean[2]));
        assertThrows(IllegalArgumentException.class, () -> Flips.horizontal(Nd4j.zeros(2, 1, 2, 2), new boolean[3]));
    }

    @Test
    void paperEvalPresetFlipsAsTheOfficialNotebooks() {
        GridConfig paper = GridLoader.load(Path.of("../configs/grids/paper.yaml"));
        TrainSpec ft = paper.eval().finetune();
        assertEquals(0.5, ft.hflip(), 0);
        assertEquals(1e-4, ft.lr(), 0);
        assertEquals(128, ft.batchSize());
        assertEquals(1.0, ft.clipNorm(), 0);
        assertEquals(1e-10, ft.weightDecay(), 0);
        assertEquals(1e-10, paper.eval().linear().weightDecay(), 0);
        assertEquals(1.0, paper.eval().linear().clipNorm(), 0);
        assertEquals(3e-3, paper.eval().linear().lr(), 0);
        assertEquals(128, paper.eval().linear().batchSize());
        assertEquals(0.0, paper.eval().linear().hflip(), 0);
        assertEquals(0.5, paper.eval().segmentation().finetune().hflip(), 0);
        assertEquals(0.5, paper.eval().segmentation().linear().hflip(), 0);
    }

    @Test
    void specRejectsAMissingOrImpossibleFlipProbability() {
        assertThrows(IllegalArgumentException.class, () -> new TrainSpec(1e-3, 8, 1, 0, 0, 0, "cosine", 1, null));
        assertThrows(IllegalArgumentException.class, () -> new TrainSpec(1e-3, 8, 1, 0, 0, 0, "cosine", 1, 1.5));
    }
}
