package io.cobench.data.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Every image once, in order, the last batch holding the remainder. */
class EvalBatchSourceTest {
    @Test
    void visitsEveryImageInOrderWithAPartialLastBatch() {
        ImageStore s = PrefetchBatchSourceTest.store(10, 8, 3);
        Normalization norm = Normalization.IMAGENET;
        try (EvalBatchSource src = new EvalBatchSource(s, 3, 8, new ResizeTransform(0, 0), norm, 4, 2, null)) {
            assertEquals(3, src.stepsPerEpoch());
            for (long step = 0; step < 3; step++) {
                Map<String, INDArray> b = src.batch(step);
                INDArray x = b.get("image");
                int rows = step == 2 ? 2 : 4;
                assertArrayEquals(new long[] {rows, 3, 8, 8}, x.shape());
                for (int j = 0; j < rows; j++) {
                    ImageU8 img = s.image((int) step * 4 + j);
                    for (int c = 0; c < 3; c++) {
                        for (int y = 0; y < 8; y++) {
                            for (int xx = 0; xx < 8; xx++) {
                                assertEquals(norm.apply(img.get(y, xx, c), c), x.getFloat(j, c, y, xx), 1e-5f);
                            }
                        }
                    }
                }
            }
            assertThrows(IllegalArgumentException.class, () -> src.batch(3));
        }
    }

    @Test
    void resizesToAnotherOutputSizeAndTurnsColourGrey() {
        ImageStore s = PrefetchBatchSourceTest.store(3, 8, 3);
        try (EvalBatchSource src = new EvalBatchSource(s, 3, 8, new ResizeTransform(4, 1), Normalization.UNIT, 3, 1,
                null)) {
            INDArray x = src.batch(0).get("image");
            assertArrayEquals(new long[] {3, 1, 4, 4}, x.shape());
            // output (1, 0) halves the image with a triangle of support 2: rows 1..4 and columns -1..2
            // (column -1 repeats column 0) weigh 1/8, 3/8, 3/8, 1/8; then luma, then (v - 0.5) / 0.5
            ImageU8 img = s.image(1);
            double[] w = {0.125, 0.375, 0.375, 0.125};
            double sum = 0;
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    int y = 1 + i;
                    int xx = Math.max(0, -1 + j);
                    sum += w[i] * w[j] * (0.2989 * img.get(y, xx, 0) + 0.587 * img.get(y, xx, 1)
                            + 0.114 * img.get(y, xx, 2));
                }
            }
            assertEquals((sum / 255 - 0.5) / 0.5, x.getFloat(1, 0, 1, 0), 1e-4);
        }
    }
}
