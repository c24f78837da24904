package io.cobench.data.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** In-painting, out-painting and patch swaps do exactly what they say. */
class RestorationTest {

    @Test
    void fillZeroesExactlyTheBlock() {
        FloatImage im = ImageOpsTest.ramp(6, 7);
        FloatImage orig = im.copy();
        Restoration.fill(im, 1, 2, 3, 4, 0f);
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 7; x++) {
                boolean inside = y >= 1 && y < 4 && x >= 2 && x < 6;
                assertEquals(inside ? 0f : orig.get(0, y, x), im.get(0, y, x));
            }
        }
    }

    @Test
    void swapMovesEachPatchToTheOthersPlace() {
        FloatImage im = ImageOpsTest.ramp(8, 8);
        FloatImage orig = im.copy();
        Restoration.swapBlocks(im, 0, 1, 5, 4, 2, 3);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                assertEquals(orig.get(0, 5 + y, 4 + x), im.get(0, y, 1 + x));
                assertEquals(orig.get(0, y, 1 + x), im.get(0, 5 + y, 4 + x));
            }
        }
        int changed = 0;
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                changed += im.get(0, y, x) != orig.get(0, y, x) ? 1 : 0;
            }
        }
        assertEquals(12, changed);
    }

    @Test
    void randomInPaintingOnlyZeroesBlocksAwayFromTheBorder() {
        for (int seed = 0; seed < 20; seed++) {
            FloatImage im = ones(224);
            Restoration.apply(im, Restoration.Kind.IN_PAINT, new SplittableRandom(seed), 1.0);
            int zeros = 0;
            for (int y = 0; y < 224; y++) {
                for (int x = 0; x < 224; x++) {
                    float v = im.get(0, y, x);
                    assertTrue(v == 0f || v == 1f);
                    if (v == 0f) {
                        zeros++;
                        assertTrue(y >= 3 && x >= 3 && y < 221 && x < 221, "zero at " + y + "," + x);
                    }
                }
            }
            // At least one block of at least 10 x 10 pixels.
            assertTrue(zeros >= 100, "seed " + seed + ": " + zeros);
        }
    }

    @Test
    void randomOutPaintingKeepsOnlyOriginalPixelsInsideLargeBlocks() {
        FloatImage im = ImageOpsTest.ramp(224, 224);
        FloatImage orig = im.copy();
        Restoration.apply(im, Restoration.Kind.OUT_PAINT, new SplittableRandom(5), 1.0);
        int kept = 0;
        for (int y = 0; y < 224; y++) {
            for (int x = 0; x < 224; x++) {
                float v = im.get(0, y, x);
                assertTrue(v == 0f || v == orig.get(0, y, x));
                kept += v != 0f ? 1 : 0;
                if (y < 3 || x < 3 || y >= 221 || x >= 221) {
                    assertEquals(0f, v);
                }
            }
        }
        // One kept block is at least (224 - 70)^2 pixels, and some border is always blanked.
        assertTrue(kept >= 154 * 154 && kept < 224 * 224, "kept " + kept);
    }

    @Test
    void randomSwapsPermuteThePixels() {
        FloatImage im = ImageOpsTest.ramp(224, 224);
        FloatImage orig = im.copy();
        Restoration.apply(im, Restoration.Kind.SWAP, new SplittableRandom(8), 1.0);
        float[] a = ImageOpsTest.values(orig);
        float[] b = ImageOpsTest.values(im);
        assertNotEquals(Arrays.toString(a), Arrays.toString(b));
        Arrays.sort(a);
        Arrays.sort(b);
        assertEquals(Arrays.toString(a), Arrays.toString(b));
    }

    @Test
    void distortionsAreDrawnWithTheirProbabilities() {
        SplittableRandom r = new SplittableRandom(1);
        Map<Restoration.Kind, Integer> n = new EnumMap<>(Restoration.Kind.class);
        int draws = 40_000;
        for (int i = 0; i < draws; i++) {
            n.merge(Restoration.choose(r, 0.30, 0.05, 0.30), 1, Integer::sum);
        }
        assertEquals(0.30, n.get(Restoration.Kind.IN_PAINT) / (double) draws, 0.01);
        assertEquals(0.05, n.get(Restoration.Kind.OUT_PAINT) / (double) draws, 0.01);
        assertEquals(0.30, n.get(Restoration.Kind.SWAP) / (double) draws, 0.01);
        assertEquals(0.35, n.get(Restoration.Kind.NONE) / (double) draws, 0.01);
    }

    static FloatImage ones(int size) {
        FloatImage im = new FloatImage(1, size, size);
        Restoration.fill(im, 0, 0, size, size, 1f);
        return im;
    }
}
