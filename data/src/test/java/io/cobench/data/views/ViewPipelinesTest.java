package io.cobench.data.views;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.data.pipeline.ImageU8;
import io.cobench.data.pipeline.Normalization;
import io.cobench.data.pipeline.ViewTransform;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The CAiD/DiRA and PCRLv2 view pipelines end to end on hand-built images. */
class ViewPipelinesTest {
    private static final Photometric.Jitter NO_JITTER = new Photometric.Jitter(0, 0, 0, 0);

    /** A 32 px grey image with a bright left half and a gradient: mirror images differ everywhere but the axis. */
    static ImageU8 asymmetric() {
        byte[] px = new byte[32 * 32];
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                px[y * 32 + x] = (byte) (x < 16 ? 200 + y : 8 * x / 3 + y);
            }
        }
        return new ImageU8("a", 32, 32, 1, px);
    }

    /** CAiD views whose only random step is the flip: full-image crop, no jitter, blur or distortion. */
    static CaidViewConfig flipOnly(boolean flipTarget) {
        return new CaidViewConfig(1.0, 0, NO_JITTER, 0, 0.1, 2.0, 0, 0, 0, flipTarget);
    }

    @Test
    void caidTargetIsFlippedTogetherWithTheInput() {
        FloatImage src = FloatImage.of(asymmetric());
        CaidViews views = new CaidViews(flipOnly(true), 1, 32);
        int flips = 0;
        for (int seed = 0; seed < 12; seed++) {
            CaidViews.View v = views.view(src, new SplittableRandom(seed));
            FloatImage expect = v.flipped() ? Spatial.hflip(src) : src;
            assertArrayEquals(ImageOpsTest.values(expect), ImageOpsTest.values(v.input()), 1e-6f);
            assertArrayEquals(ImageOpsTest.values(expect), ImageOpsTest.values(v.target()), 1e-6f);
            flips += v.flipped() ? 1 : 0;
        }
        assertTrue(flips > 0 && flips < 12, "flips " + flips);
    }

    @Test
    void referenceParitySwitchLeavesTheTargetUnflipped() {
        FloatImage src = FloatImage.of(asymmetric());
        CaidViews views = new CaidViews(flipOnly(false), 1, 32);
        for (int seed = 0; seed < 12; seed++) {
            CaidViews.View v = views.view(src, new SplittableRandom(seed));
            assertArrayEquals(ImageOpsTest.values(src), ImageOpsTest.values(v.target()), 1e-6f);
        }
    }

    @Test
    void caidTargetIsTakenBeforeJitterBlurAndDistortion() {
        FloatImage src = FloatImage.of(asymmetric());
        CaidViewConfig cfg = new CaidViewConfig(1.0, 1.0, new Photometric.Jitter(0.4, 0.4, 0, 0), 1.0, 0.1, 2.0,
                1.0, 0, 0, true);
        CaidViews.View v = new CaidViews(cfg, 1, 32).view(src, new SplittableRandom(4));
        assertEquals(Restoration.Kind.IN_PAINT, v.distortion());
        FloatImage expect = v.flipped() ? Spatial.hflip(src) : src;
        assertArrayEquals(ImageOpsTest.values(expect), ImageOpsTest.values(v.target()), 1e-6f);
        int zeros = 0;
        for (float x : ImageOpsTest.values(v.input())) {
            zeros += x == 0f ? 1 : 0;
        }
        assertTrue(zeros > 0, "in-painting left no zero pixel");
    }

    @Test
    void caidOutputsAreNormalisedViewsAndARawTarget() {
        CaidViews views = new CaidViews(flipOnly(true), 3, 32);
        List<ViewTransform.Output> outs = views.outputs(3, 32);
        assertEquals(List.of(new ViewTransform.Output("view1", 3, 32, 32), new ViewTransform.Output("view2", 3, 32, 32),
                new ViewTransform.Output("target", 1, 32, 32)), outs);
        float[][] out = alloc(outs);
        views.apply(asymmetric(), new SplittableRandom(1), Normalization.IMAGENET, out);
        float[][] again = alloc(outs);
        views.apply(asymmetric(), new SplittableRandom(1), Normalization.IMAGENET, again);
        for (int i = 0; i < out.length; i++) {
            assertArrayEquals(out[i], again[i]);
        }
        FloatImage t = new FloatImage(1, 32, 32, out[2]);
        FloatImage view1 = new FloatImage(3, 32, 32, out[0]);
        // Without jitter or distortion every channel of view1 is its (raw) target normalised.
        assertEquals((t.get(0, 5, 7) - 0.406) / 0.225, view1.get(2, 5, 7), 1e-5);
        assertThrows(IllegalArgumentException.class, () -> views.outputs(1, 32));
    }

    @Test
    void pcrlOutputsGlobalViewsTargetAndScaledLocalCrops() {
        PcrlViews views = new PcrlViews(PcrlViewConfig.paper(), 1, 32);
        List<ViewTransform.Output> outs = views.outputs(1, 32);
        assertEquals(9, outs.size());
        // 96 px at 224 is 13.7 px at 32.
        assertEquals(new ViewTransform.Output("local5", 1, 14, 14), outs.get(8));
        float[][] out = alloc(outs);
        views.apply(asymmetric(), new SplittableRandom(2), Normalization.UNIT, out);
        for (float[] o : out) {
            for (float v : o) {
                assertTrue(Float.isFinite(v) && v >= -1.0001f && v <= 1.0001f);
            }
        }
        assertNotEquals(java.util.Arrays.toString(out[3]), java.util.Arrays.toString(out[4]));
    }

    @Test
    void pcrlTargetIsView1BeforeThePhotometricTransformsAndCutout() {
        PcrlViewConfig plain = new PcrlViewConfig(0.3, 0.05, 0.3, 0, 96, 10, 0, 0, 0.1, 2.0, NO_JITTER, 0, 32);
        PcrlViews views = new PcrlViews(plain, 1, 32);
        float[][] out = alloc(views.outputs(1, 32));
        views.apply(asymmetric(), new SplittableRandom(3), Normalization.UNIT, out);
        assertArrayEquals(out[2], out[0], 1e-6f);

        PcrlViewConfig cut = new PcrlViewConfig(0.3, 0.05, 0.3, 0, 96, 10, 0, 0, 0.1, 2.0, NO_JITTER, 3, 32);
        PcrlViews withCutout = new PcrlViews(cut, 1, 32);
        float[][] o2 = alloc(withCutout.outputs(1, 32));
        withCutout.apply(asymmetric(), new SplittableRandom(3), Normalization.UNIT, o2);
        int differ = 0;
        for (int i = 0; i < o2[0].length; i++) {
            if (o2[0][i] != o2[2][i]) {
                differ++;
                assertEquals(0f, o2[0][i]);
            }
        }
        // 32 px at 224 is 5 px at 32: holes of side 2 * (5 / 2) = 4, possibly clipped or overlapping.
        assertTrue(differ > 0 && differ <= 3 * 16, "cut pixels " + differ);
    }

    @Test
    void pcrlRotatesByAtMostTheConfiguredAngle() {
        PcrlViews views = new PcrlViews(PcrlViewConfig.paper(), 1, 32);
        FloatImage src = FloatImage.of(asymmetric());
        SplittableRandom r = new SplittableRandom(6);
        double lo = 0;
        double hi = 0;
        for (int i = 0; i < 200; i++) {
            double d = views.global(src, r).degrees();
            lo = Math.min(lo, d);
            hi = Math.max(hi, d);
        }
        assertTrue(lo >= -10 && hi <= 10 && lo < -8 && hi > 8, lo + " .. " + hi);
    }

    static float[][] alloc(List<ViewTransform.Output> outs) {
        float[][] a = new float[outs.size()][];
        for (int i = 0; i < a.length; i++) {
            a[i] = new float[outs.get(i).length()];
        }
        return a;
    }
}
