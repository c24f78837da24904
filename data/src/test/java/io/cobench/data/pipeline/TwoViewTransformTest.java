package io.cobench.data.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The composed pipeline: configuration switches each part on or off as documented. */
class TwoViewTransformTest {
    private static TwoViewConfig plain(double flipP, double greyP) {
        // full-image crop, no jitter, no blur
        return new TwoViewConfig(1, 1, 1, 1, flipP, 0, 0.4, 0.4, 0.2, 0.1, greyP, 0, 0.1, 2.0, 0.1, 0, 0);
    }

    private static ImageU8 colour() {
        byte[] px = new byte[6 * 6 * 3];
        new SplittableRandom(2).nextBytes(px);
        return new ImageU8("c", 6, 6, 3, px);
    }

    private static float[][] run(TwoViewTransform t, ImageU8 img) {
        List<ViewTransform.Output> o = t.outputs(img.channels(), img.height());
        float[][] out = new float[3][];
        for (int k = 0; k < 3; k++) {
            out[k] = new float[o.get(k).length()];
        }
        t.apply(img, new SplittableRandom(1), Normalization.UNIT, out);
        return out;
    }

    @Test
    void blurSigmaIsGivenAt224PixelsAndScaledToTheViewSize() {
        // full-image crop, blur only, sigma fixed at 2 (the official maximum)
        TwoViewConfig blurOnly = new TwoViewConfig(1, 1, 1, 1, 0, 0, 0.4, 0.4, 0.2, 0.1, 0, 1, 2.0, 2.0, 0.1, 0, 0);
        byte[] px = new byte[64 * 64];
        new SplittableRandom(5).nextBytes(px);
        ImageU8 img = new ImageU8("g", 64, 64, 1, px);
        float[][] out = run(new TwoViewTransform(blurOnly), img);
        float[] expected = out[2].clone();
        Augment.gaussianBlur(expected, 1, 64, 64, 2.0 * 64 / 224, Augment.blurKernel(64, 0.1));
        assertArrayEquals(expected, out[0], 1e-6f);
        float[] unscaled = out[2].clone();
        Augment.gaussianBlur(unscaled, 1, 64, 64, 2.0, Augment.blurKernel(64, 0.1));
        float diff = 0;
        for (int i = 0; i < unscaled.length; i++) {
            diff = Math.max(diff, Math.abs(unscaled[i] - out[0][i]));
        }
        assertTrue(diff > 0.05f, "the unscaled blur would be visibly stronger: max difference " + diff);
    }

    @Test
    void withEveryPartOffBothViewsEqualTheTarget() {
        float[][] out = run(new TwoViewTransform(plain(0, 0)), colour());
        assertArrayEquals(out[2], out[0], 1e-6f);
        assertArrayEquals(out[2], out[1], 1e-6f);
    }

    @Test
    void flipWithProbabilityOneMirrorsTheTarget() {
        float[][] out = run(new TwoViewTransform(plain(1, 0)), colour());
        float[] mirrored = out[2].clone();
        Augment.flipHorizontal(mirrored, 3, 6, 6);
        assertArrayEquals(mirrored, out[0], 1e-6f);
    }

    @Test
    void greyscaleWithProbabilityOneGivesEqualChannels() {
        float[][] out = run(new TwoViewTransform(plain(0, 1)), colour());
        for (int i = 0; i < 36; i++) {
            assertEquals(out[0][i], out[0][36 + i], 1e-6f);
            assertEquals(out[0][i], out[0][72 + i], 1e-6f);
        }
    }

    @Test
    void defaultsAreTheCoboomPipeline() {
        TwoViewConfig c = TwoViewConfig.coboom();
        assertArrayEquals(new double[] {0.08, 1, 0.75, 4.0 / 3, 0.5, 0.8, 0.4, 0.4, 0.2, 0.1, 0.2, 1.0, 0.1, 2.0},
                new double[] {c.scaleMin(), c.scaleMax(), c.ratioMin(), c.ratioMax(), c.flipP(), c.jitterP(),
                    c.brightness(), c.contrast(), c.saturation(), c.hue(), c.greyP(), c.blurP(), c.sigmaMin(),
                    c.sigmaMax()}, 1e-12);
        assertEquals(3, c.outputChannels());
        assertThrows(IllegalArgumentException.class, () -> c.withOutputChannels(2));
    }
}
