package io.cobench.data.views;

import io.cobench.data.pipeline.ImageU8;
import io.cobench.data.pipeline.Normalization;
import io.cobench.data.pipeline.TwoViewTransform;
import io.cobench.data.pipeline.ViewTransform;
import java.util.List;
import java.util.SplittableRandom;

/**
 * CAiD's and DiRA's view pipeline. Outputs: {@code view1} (query), {@code view2} (key), both
 * distorted and normalised, and {@code target}, the one-channel grey crop of view1 in [0,1]
 * (the range of the decoder's sigmoid), taken before the photometric transforms and flipped
 * together with view1.
 */
public final class CaidViews implements ViewTransform {
    public static final String VIEW1 = TwoViewTransform.VIEW1;
    public static final String VIEW2 = TwoViewTransform.VIEW2;
    public static final String TARGET = TwoViewTransform.TARGET;

    /** One view and its restoration target, with what was drawn (for tests and logs). */
    public record View(FloatImage input, FloatImage target, boolean flipped, Restoration.Kind distortion) {
    }

    private final CaidViewConfig cfg;
    private final int channels;
    private final int size;

    public CaidViews(CaidViewConfig cfg, int channels, int size) {
        this.cfg = cfg;
        this.channels = channels;
        this.size = size;
    }

    @Override
    public List<Output> outputs(int channels, int size) {
        ViewChecks.sameShape(this.channels, this.size, channels, size);
        return List.of(new Output(VIEW1, channels, size, size), new Output(VIEW2, channels, size, size),
                new Output(TARGET, 1, size, size));
    }

    @Override
    public void apply(ImageU8 image, SplittableRandom rng, Normalization norm, float[][] out) {
        FloatImage src = FloatImage.of(image);
        View q = view(src, rng);
        View k = view(src, rng);
        q.input().writeTo(out[0], channels, norm);
        k.input().writeTo(out[1], channels, norm);
        q.target().writeRawTo(out[2]);
    }

    /** One view of {@code src}: crop, jitter, blur, flip, distortion; and its target. */
    public View view(FloatImage src, SplittableRandom rng) {
        double scale = size / TwoViewTransform.REFERENCE_SIZE;
        Spatial.Box box = Spatial.randomResizedCrop(src.height(), src.width(), cfg.cropScaleMin(), 1.0, rng);
        FloatImage crop = Spatial.resizedCrop(src, box, size);
        FloatImage x = crop.copy();
        if (rng.nextDouble() < cfg.jitterProbability()) {
            Photometric.colorJitter(x, cfg.jitter(), rng);
        }
        if (rng.nextDouble() < cfg.blurProbability()) {
            Photometric.gaussianBlur(x, Spatial.uniform(rng, cfg.sigmaMin(), cfg.sigmaMax()) * scale);
        }
        boolean flip = rng.nextDouble() < 0.5;
        FloatImage target = crop.grey();
        if (flip) {
            x = Spatial.hflip(x);
            if (cfg.flipTarget()) {
                target = Spatial.hflip(target);
            }
        }
        Restoration.Kind kind = Restoration.choose(rng, cfg.inPaint(), cfg.outPaint(), cfg.swap());
        Restoration.apply(x, kind, rng, scale);
        return new View(x, target, flip, kind);
    }
}
