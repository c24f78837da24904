package io.cobench.data.views;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.data.pipeline.ImageU8;
import io.cobench.data.pipeline.Normalization;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Each image operation on hand-built images. */
class ImageOpsTest {

    /** A grey image whose pixel (y, x) holds y * w + x (distinct values). */
    static FloatImage ramp(int h, int w) {
        FloatImage im = new FloatImage(1, h, w);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                im.set(0, y, x, (y * w + x) / (float) (h * w));
            }
        }
        return im;
    }

    @Test
    void bytesBecomeUnitFloatsAndNormaliseIntoTheOutputChannels() {
        ImageU8 grey = new ImageU8("g", 1, 2, 1, new byte[] {0, (byte) 255});
        FloatImage f = FloatImage.of(grey);
        assertEquals(1.0f, f.get(0, 0, 1));
        float[] out = new float[6];
        f.writeTo(out, 3, Normalization.IMAGENET);
        assertEquals((0 - 0.485) / 0.229, out[0], 1e-6);
        assertEquals((1 - 0.456) / 0.224, out[3], 1e-6);
        assertEquals((1 - 0.406) / 0.225, out[5], 1e-6);

        ImageU8 rgb = new ImageU8("c", 1, 1, 3, new byte[] {(byte) 255, 0, 0});
        float[] one = new float[1];
        FloatImage.of(rgb).writeTo(one, 1, Normalization.UNIT);
        assertEquals((0.299 - 0.5) / 0.5, one[0], 1e-6);
    }

    @Test
    void flipMirrorsEveryRow() {
        FloatImage im = ramp(3, 4);
        FloatImage f = Spatial.hflip(im);
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 4; x++) {
                assertEquals(im.get(0, y, 3 - x), f.get(0, y, x));
            }
        }
    }

    @Test
    void rotationTurnsCounterClockwiseAboutTheCentre() {
        FloatImage im = ramp(4, 4);
        FloatImage r = Spatial.rotate(im, 90);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                // A quarter turn left brings the right column to the top row.
                assertEquals(im.get(0, x, 3 - y), r.get(0, y, x), "(" + y + "," + x + ")");
            }
        }
        assertArrayEquals(values(im), values(Spatial.rotate(im, 0)));
        // A small turn keeps the centre pixels and empties corners that leave the frame.
        FloatImage ones = new FloatImage(1, 32, 32);
        Restoration.fill(ones, 0, 0, 32, 32, 1f);
        FloatImage t = Spatial.rotate(ones, 10);
        assertEquals(0f, t.get(0, 0, 0));
        assertEquals(1f, t.get(0, 16, 16));
    }

    @Test
    void resizedCropAtTheSameSizeCopiesTheBoxAndShrinkingKeepsConstants() {
        FloatImage im = ramp(6, 6);
        FloatImage c = Spatial.resizedCrop(im, new Spatial.Box(1, 2, 3, 3), 3);
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 3; x++) {
                assertEquals(im.get(0, 1 + y, 2 + x), c.get(0, y, x), 1e-6);
            }
        }
        FloatImage flat = new FloatImage(1, 8, 8);
        Restoration.fill(flat, 0, 0, 8, 8, 0.25f);
        FloatImage small = Spatial.resizedCrop(flat, new Spatial.Box(0, 0, 8, 8), 3);
        for (float v : values(small)) {
            assertEquals(0.25f, v, 1e-6);
        }
        // PIL's bilinear 4 -> 2 weights for output 0: 3/7, 3/7, 1/7 of inputs 0, 1, 2.
        FloatImage row = new FloatImage(1, 1, 4, new float[] {0, 0.7f, 1.4f, 2.1f});
        FloatImage half = Spatial.resizedCrop(row, new Spatial.Box(0, 0, 1, 4), 1);
        assertEquals(1.05, half.get(0, 0, 0), 1e-5);
    }

    @Test
    void randomResizedCropsStayInsideAndCoverTheRequestedArea() {
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 500; i++) {
            Spatial.Box b = Spatial.randomResizedCrop(40, 50, 0.2, 0.6, r);
            assertTrue(b.top() >= 0 && b.left() >= 0 && b.top() + b.height() <= 40 && b.left() + b.width() <= 50, b.toString());
            double frac = (double) b.height() * b.width() / 2000;
            double ratio = (double) b.width() / b.height();
            // Rounding the sides to pixels moves the area a little.
            assertTrue(frac > 0.17 && frac < 0.65, b + " covers " + frac);
            assertTrue(ratio > 0.7 && ratio < 1.42, b + " ratio " + ratio);
        }
    }

    @Test
    void jitterFactorsActAsDefined() {
        FloatImage im = new FloatImage(1, 1, 2, new float[] {0.2f, 0.6f});
        Photometric.brightness(im, 1.5);
        assertEquals(0.3f, im.get(0, 0, 0), 1e-6);
        assertEquals(0.9f, im.get(0, 0, 1), 1e-6);
        Photometric.contrast(im, 0.5);   // mean 0.6
        assertEquals(0.45f, im.get(0, 0, 0), 1e-6);
        assertEquals(0.75f, im.get(0, 0, 1), 1e-6);
        Photometric.brightness(im, 2.0);
        assertEquals(1.0f, im.get(0, 0, 1));  // clamped
        FloatImage grey = im.copy();
        Photometric.saturation(im, 0.0);
        Photometric.hue(im, 0.3);
        assertArrayEquals(values(grey), values(im));

        FloatImage rgb = new FloatImage(3, 1, 1, new float[] {1f, 0f, 0f});
        Photometric.hue(rgb, 1.0 / 3);   // red turns green
        assertArrayEquals(new float[] {0f, 1f, 0f}, values(rgb), 1e-6f);
        Photometric.grayscale(rgb);
        assertArrayEquals(new float[] {0.587f, 0.587f, 0.587f}, values(rgb), 1e-6f);
    }

    @Test
    void blurKeepsMassAndSpreadsAnImpulse() {
        FloatImage im = new FloatImage(1, 9, 9);
        im.set(0, 4, 4, 1f);
        Photometric.gaussianBlur(im, 1.0);
        double sum = 0;
        for (float v : values(im)) {
            sum += v;
        }
        assertEquals(1.0, sum, 1e-5);
        // Separable kernel: the centre holds (1/sum_k exp(-k^2/2), k = -3..3)^2.
        double z = 0;
        for (int k = -3; k <= 3; k++) {
            z += Math.exp(-k * k / 2.0);
        }
        assertEquals(1 / (z * z), im.get(0, 4, 4), 1e-6);
        assertEquals(Math.exp(-0.5) / (z * z), im.get(0, 4, 5), 1e-6);
    }

    @Test
    void cutoutZeroesTheClippedSquare() {
        float[] chw = new float[2 * 6 * 6];
        java.util.Arrays.fill(chw, 5f);
        Cutout.hole(chw, 2, 6, 1, 4, 4);   // rows 0..2 (clipped from -1), columns 2..5
        for (int c = 0; c < 2; c++) {
            for (int y = 0; y < 6; y++) {
                for (int x = 0; x < 6; x++) {
                    boolean inside = y < 3 && x >= 2;
                    assertEquals(inside ? 0f : 5f, chw[(c * 6 + y) * 6 + x], "(" + c + "," + y + "," + x + ")");
                }
            }
        }
    }

    static float[] values(FloatImage im) {
        float[] v = new float[im.channels() * im.height() * im.width()];
        int i = 0;
        for (int c = 0; c < im.channels(); c++) {
            for (int y = 0; y < im.height(); y++) {
                for (int x = 0; x < im.width(); x++) {
                    v[i++] = im.get(c, y, x);
                }
            }
        }
        return v;
    }
}
