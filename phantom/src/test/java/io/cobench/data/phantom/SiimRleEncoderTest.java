package io.cobench.data.phantom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The encoder follows datasets.md: relative offsets, column-major order. */
class SiimRleEncoderTest {
    @Test
    void encodesTheWorkedExampleOfTheDesignNotes() {
        int n = 1024;
        boolean[] mask = new boolean[n * n];
        // column 544 rows 318-319, column 545 rows 311-318, column 546 rows 304-317
        int[][] runs = {{544, 318, 319}, {545, 311, 318}, {546, 304, 317}};
        for (int[] r : runs) {
            for (int y = r[1]; y <= r[2]; y++) {
                mask[y * n + r[0]] = true;
            }
        }
        assertEquals("557374 2 1015 8 1009 14", SiimRleEncoder.encode(mask, n, n));
    }

    @Test
    void runsContinueDownTheColumnAndIntoTheNext() {
        // 3 wide, 2 high: pixels (x=0,y=1) and (x=1,y=0) are flat indices 1 and 2: one run of two
        boolean[] mask = {false, true, false, true, false, false};
        assertEquals("1 2", SiimRleEncoder.encode(mask, 3, 2));
        // a run that ends on the very last pixel is still written
        boolean[] last = {false, false, false, false, false, true};
        assertEquals("5 1", SiimRleEncoder.encode(last, 3, 2));
        assertEquals("", SiimRleEncoder.encode(new boolean[6], 3, 2));
    }

    @Test
    void randomMasksRoundTripThroughAnIndependentDecoder() {
        SplittableRandom r = new SplittableRandom(9);
        for (int t = 0; t < 50; t++) {
            int w = 5 + r.nextInt(40);
            int h = 5 + r.nextInt(40);
            boolean[] mask = new boolean[w * h];
            for (int i = 0; i < mask.length; i++) {
                mask[i] = r.nextInt(3) == 0;
            }
            assertArrayEquals(mask, PhantomLayoutTest.decodeRle(SiimRleEncoder.encode(mask, w, h), w, h));
        }
    }
}
