package io.cobench.data.views;

import io.cobench.data.pipeline.ImageU8;
import io.cobench.data.pipeline.Normalization;
import io.cobench.data.pipeline.TwoViewTransform;
import io.cobench.data.pipeline.ViewTransform;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * PCRLv2's view pipeline. Outputs: {@code view1} and {@code view2} (global inputs),
 * {@code target} (view1's crop after the spatial transforms and before the photometric ones and
 * cutout, normalised like the inputs) and {@code local0 ... local<N-1>} (small crops).
 */
public final class PcrlViews implements ViewTransform {
    public static final String VIEW1 = TwoViewTransform.VIEW1;
    public static final String VIEW2 = TwoViewTransform.VIEW2;
    public static final String TARGET = TwoViewTransform.TARGET;
    public static final String LOCAL = "local";

    /** A global view: its clean crop (the target of view1) and the input before normalisation. */
    public record Global(FloatImage clean, FloatImage input, boolean flipped, double degrees) {
    }

    private final PcrlViewConfig cfg;
    private final int channels;
    private final int size;
    private final int localSize;

    public PcrlViews(PcrlViewConfig cfg, int channels, int size) {
        this.cfg = cfg;
        this.channels = channels;
        this.size = size;
        this.localSize = localSize(cfg, size);
    }

    /** The local crop side for images of {@code size} px. */
    public static int localSize(PcrlViewConfig cfg, int size) {
        return Restoration.px(cfg.localSize(), size / TwoViewTransform.REFERENCE_SIZE);
    }

    /** Name of local crop {@code i}. */
    public static String local(int i) {
        return LOCAL + i;
    }

    @Override
    public List<Output> outputs(int channels, int size) {
        ViewChecks.sameShape(this.channels, this.size, channels, size);
        List<Output> o = new ArrayList<>(List.of(new Output(VIEW1, channels, size, size),
                new Output(VIEW2, channels, size, size), new Output(TARGET, channels, size, size)));
        for (int i = 0; i < cfg.localViews(); i++) {
            o.add(new Output(local(i), channels, localSize, localSize));
        }
        return o;
    }

    @Override
    public void apply(ImageU8 image, SplittableRandom rng, Normalization norm, float[][] out) {
        FloatImage src = FloatImage.of(image);
        double scale = size / TwoViewTransform.REFERENCE_SIZE;
        int cut = Restoration.px(cfg.cutoutLength(), scale);
        Global g1 = global(src, rng);
        Global g2 = global(src, rng);
        g1.input().writeTo(out[0], channels, norm);
        Cutout.apply(out[0], channels, size, cfg.cutoutHoles(), cut, rng);
        g2.input().writeTo(out[1], channels, norm);
        Cutout.apply(out[1], channels, size, cfg.cutoutHoles(), cut, rng);
        g1.clean().writeTo(out[2], channels, norm);
        for (int i = 0; i < cfg.localViews(); i++) {
            FloatImage l = spatial(src, cfg.localScaleMin(), cfg.localScaleMax(), localSize, rng).clean();
            photometric(l, rng, scale);
            l.writeTo(out[3 + i], channels, norm);
        }
    }

    /** A global view before normalisation and cutout. */
    public Global global(FloatImage src, SplittableRandom rng) {
        Global g = spatial(src, cfg.globalScaleMin(), 1.0, size, rng);
        photometric(g.input(), rng, size / TwoViewTransform.REFERENCE_SIZE);
        return g;
    }

    private Global spatial(FloatImage src, double scaleMin, double scaleMax, int out, SplittableRandom rng) {
        Spatial.Box box = Spatial.randomResizedCrop(src.height(), src.width(), scaleMin, scaleMax, rng);
        FloatImage x = Spatial.resizedCrop(src, box, out);
        double degrees = Spatial.uniform(rng, -cfg.rotation(), cfg.rotation());
        x = Spatial.rotate(x, degrees);
        boolean flip = rng.nextDouble() < 0.5;
        if (flip) {
            x = Spatial.hflip(x);
        }
        return new Global(x, x.copy(), flip, degrees);
    }

    private void photometric(FloatImage x, SplittableRandom rng, double scale) {
        if (rng.nextDouble() < cfg.grayscaleProbability()) {
            Photometric.grayscale(x);
        }
        if (rng.nextDouble() < cfg.blurProbability()) {
            Photometric.gaussianBlur(x, Spatial.uniform(rng, cfg.sigmaMin(), cfg.sigmaMax()) * scale);
        }
        Photometric.colorJitter(x, cfg.jitter(), rng);
    }
}
