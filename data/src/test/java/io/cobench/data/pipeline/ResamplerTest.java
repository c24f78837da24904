package io.cobench.data.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Area-averaging downscale, interpolating upscale, exact identity. */
class ResamplerTest {
    @Test
    void halvingACheckerboardAveragesEveryTwoByTwoBlock() {
        int n = 16;
        byte[] px = new byte[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                px[y * n + x] = (byte) (((x + y) % 2) * 200);
            }
        }
        ImageU8 small = Resampler.resize(new ImageU8("c", n, n, 1, px), 8, 8);
        // interior pixels see a symmetric window of the checkerboard: exactly its mean
        for (int y = 1; y < 7; y++) {
            for (int x = 1; x < 7; x++) {
                assertEquals(100, small.get(y, x, 0), "(" + y + "," + x + ")");
            }
        }
    }

    @Test
    void constantStaysConstantAtAnySize() {
        byte[] px = new byte[30 * 20 * 3];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (i % 3 == 0 ? 10 : i % 3 == 1 ? 130 : 250);
        }
        ImageU8 img = new ImageU8("k", 30, 20, 3, px);
        for (int s : new int[] {7, 20, 45}) {
            ImageU8 r = Resampler.resize(img, s, s);
            for (int y = 0; y < s; y++) {
                for (int x = 0; x < s; x++) {
                    assertEquals(10, r.get(y, x, 0));
                    assertEquals(130, r.get(y, x, 1));
                    assertEquals(250, r.get(y, x, 2));
                }
            }
        }
    }

    @Test
    void sameSizeIsTheSameImage() {
        ImageU8 img = AugmentTest.ramp(5, 5);
        assertSame(img, Resampler.resize(img, 5, 5));
    }

    @Test
    void doublingARampInterpolatesBetweenNeighbours() {
        byte[] px = {0, 100};
        ImageU8 r = Resampler.resize(new ImageU8("r", 1, 2, 1, px), 1, 4);
        // output centres at source x = 0.25, 0.75, 1.25, 1.75 (edges repeat): 0, 25, 75, 100
        assertEquals(0, r.get(0, 0, 0));
        assertEquals(25, r.get(0, 1, 0));
        assertEquals(75, r.get(0, 2, 0));
        assertEquals(100, r.get(0, 3, 0));
    }
}
