package io.cobench.data.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Each augmentation op on a hand-built image does what torchvision's does. */
class AugmentTest {
    /** 1 channel, value at (y, x) = (10 y + x) / 255. */
    static ImageU8 ramp(int h, int w) {
        byte[] px = new byte[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                px[y * w + x] = (byte) (10 * y + x);
            }
        }
        return new ImageU8("ramp", h, w, 1, px);
    }

    @Test
    void flipMirrorsEveryRow() {
        float[] img = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        Augment.flipHorizontal(img, 2, 2, 3);
        assertArrayEquals(new float[] {3, 2, 1, 6, 5, 4, 9, 8, 7, 12, 11, 10}, img);
    }

    @Test
    void cropAtItsOwnSizeIsExactlyTheRegion() {
        ImageU8 img = ramp(10, 10);
        float[] out = Augment.resizedCrop(img, new Augment.Crop(2, 3, 4, 4), 4);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                assertEquals((10 * (y + 2) + x + 3) / 255f, out[y * 4 + x], 1e-6f, "(" + y + "," + x + ")");
            }
        }
    }

    @Test
    void cropScaledUpInterpolatesWithinTheRegion() {
        ImageU8 img = ramp(10, 10);
        // the 2x2 region at (4, 4) shown at 4x4: values stay between the region's extremes
        float[] out = Augment.resizedCrop(img, new Augment.Crop(4, 4, 2, 2), 4);
        for (float v : out) {
            assertTrue(v >= 44 / 255f - 1e-6 && v <= 55 / 255f + 1e-6, "value " + v * 255);
        }
        // corners of the output sample the region's corner pixels most
        assertTrue(out[0] < out[15]);
    }

    @Test
    void randomResizedCropKeepsScaleAndRatioInRange() {
        SplittableRandom r = new SplittableRandom(1);
        for (int t = 0; t < 2000; t++) {
            Augment.Crop c = Augment.randomResizedCrop(r, 100, 100, 0.08, 1, 3.0 / 4, 4.0 / 3);
            assertTrue(c.top() >= 0 && c.left() >= 0 && c.top() + c.height() <= 100 && c.left() + c.width() <= 100);
            double area = c.height() * c.width() / 10000.0;
            double ratio = (double) c.width() / c.height();
            // rounding the sides to whole pixels moves area and ratio a little
            assertTrue(area > 0.07 && area <= 1.0, "area " + area);
            assertTrue(ratio > 0.7 && ratio < 1.4, "ratio " + ratio);
        }
    }

    @Test
    void randomResizedCropFallsBackToTheCentreOfAVeryWideImage() {
        // no window of ratio at most 4/3 and area of at least 8% fits in 100 x 2, so the centre crop is used
        Augment.Crop c = Augment.randomResizedCrop(new SplittableRandom(2), 2, 100, 0.9, 1, 3.0 / 4, 4.0 / 3);
        assertEquals(new Augment.Crop(0, 48, 2, 3), c);
    }

    @Test
    void greyscaleMakesEqualChannelsWithLumaWeights() {
        float[] img = {1f, 0.2f, 0f, 0f, 0.4f, 1f, 0f, 0.6f, 0f};
        Augment.greyscale(img, 3);
        float g0 = 0.2989f;
        float g1 = 0.2989f * 0.2f + 0.587f * 0.4f + 0.114f * 0.6f;
        float g2 = 0.587f;
        assertArrayEquals(new float[] {g0, g1, g2, g0, g1, g2, g0, g1, g2}, img, 1e-6f);
    }

    @Test
    void blurKeepsTheMassOfAnImpulseAndSpreadsItSymmetrically() {
        int n = 31;
        float[] img = new float[n * n];
        img[15 * n + 15] = 1;
        Augment.gaussianBlur(img, 1, n, n, 1.5, 23);
        double sum = 0;
        for (float v : img) {
            sum += v;
        }
        assertEquals(1.0, sum, 1e-5);
        assertTrue(img[15 * n + 15] < 0.1);
        assertEquals(img[15 * n + 13], img[15 * n + 17], 1e-7);
        assertEquals(img[13 * n + 15], img[15 * n + 13], 1e-7);
        // separable Gaussian: the centre value is the square of the 1-D kernel's centre weight
        double k0 = 0;
        for (int i = -6; i <= 6; i++) {
            k0 += Math.exp(-0.5 * i * i / 2.25);
        }
        assertEquals(1 / (k0 * k0), img[15 * n + 15], 1e-6);
    }

    @Test
    void blurPreservesTheMeanOfAnyImageAwayFromTheBordersAndAConstantExactly() {
        float[] flat = new float[20 * 20];
        java.util.Arrays.fill(flat, 0.3f);
        Augment.gaussianBlur(flat, 1, 20, 20, 2.0, 23);
        for (float v : flat) {
            assertEquals(0.3f, v, 1e-6f);
        }
        SplittableRandom r = new SplittableRandom(4);
        float[] img = new float[3 * 40 * 40];
        for (int i = 0; i < img.length; i++) {
            img[i] = r.nextFloat();
        }
        double before = mean(img);
        Augment.gaussianBlur(img, 3, 40, 40, 1.0, 5);
        assertEquals(before, mean(img), 2e-3, "reflect padding keeps the mean up to border effects");
    }

    private static double mean(float[] a) {
        double s = 0;
        for (float v : a) {
            s += v;
        }
        return s / a.length;
    }

    @Test
    void brightnessScalesAndClamps() {
        float[] img = {0.2f, 0.5f, 0.9f};
        Augment.brightness(img, 1.4f);
        assertArrayEquals(new float[] {0.28f, 0.7f, 1f}, img, 1e-6f);
    }

    @Test
    void contrastBlendsTowardsTheGreyMean() {
        float[] img = {0.2f, 0.4f, 0.6f, 0.8f};
        Augment.contrast(img, 1, 4, 0.5f);
        // mean 0.5: v -> 0.5 v + 0.25
        assertArrayEquals(new float[] {0.35f, 0.45f, 0.55f, 0.65f}, img, 1e-6f);
    }

    @Test
    void saturationZeroGivesGreyAndOneChangesNothing() {
        float[] img = {0.9f, 0.1f, 0.3f, 0.5f, 0.2f, 0.7f};
        float[] same = img.clone();
        Augment.saturation(same, 2, 1f);
        assertArrayEquals(img, same, 1e-6f);
        Augment.saturation(img, 2, 0f);
        float g0 = 0.2989f * 0.9f + 0.587f * 0.3f + 0.114f * 0.2f;
        assertEquals(g0, img[0], 1e-6f);
        assertEquals(g0, img[2], 1e-6f);
        assertEquals(g0, img[4], 1e-6f);
    }

    @Test
    void hueShiftOfAThirdTurnsRedIntoGreen() {
        float[] img = {1f, 0f, 0f};
        Augment.hue(img, 1, 1f / 3);
        assertArrayEquals(new float[] {0f, 1f, 0f}, img, 1e-5f);
        float[] grey = {0.4f, 0.4f, 0.4f};
        Augment.hue(grey, 1, 0.25f);
        assertArrayEquals(new float[] {0.4f, 0.4f, 0.4f}, grey, 0f);
    }

    @Test
    void blurKernelIsATenthOfTheSizeMadeOdd() {
        assertEquals(23, Augment.blurKernel(224, 0.1));
        assertEquals(13, Augment.blurKernel(128, 0.1));
        assertEquals(7, Augment.blurKernel(64, 0.1));
    }

    @Test
    void reflectDoesNotRepeatTheEdge() {
        assertEquals(1, Augment.reflect(-1, 5));
        assertEquals(3, Augment.reflect(5, 5));
        assertEquals(0, Augment.reflect(8, 5));
    }
}
