package io.cobench.data.pipeline;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Two augmented views and the clean reconstruction target ("view1", "view2", "target"), in the
 * order of torchvision's composed pipeline: RandomResizedCrop, horizontal flip, colour jitter
 * (random order of its parts, applied with probability p), random greyscale, Gaussian blur. Grey
 * images get brightness and contrast only, since saturation and hue do nothing to grey pixels.
 * The target is the un-augmented image at the output size.
 */
public final class TwoViewTransform implements ViewTransform {
    public static final String VIEW1 = "view1";
    public static final String VIEW2 = "view2";
    public static final String TARGET = "target";
    /** The image size at which the official augmentation parameters are given. */
    public static final double REFERENCE_SIZE = 224;

    private final TwoViewConfig cfg;

    public TwoViewTransform(TwoViewConfig cfg) {
        this.cfg = cfg;
    }

    public TwoViewConfig config() {
        return cfg;
    }

    @Override
    public List<Output> outputs(int channels, int size) {
        int s = cfg.outputSize() == 0 ? size : cfg.outputSize();
        int c = Planes.outputChannels(channels, cfg.outputChannels());
        return List.of(new Output(VIEW1, c, s, s), new Output(VIEW2, c, s, s), new Output(TARGET, c, s, s));
    }

    @Override
    public void apply(ImageU8 image, SplittableRandom rng, Normalization norm, float[][] out) {
        int s = cfg.outputSize() == 0 ? image.height() : cfg.outputSize();
        int c = image.channels();
        int outC = Planes.outputChannels(c, cfg.outputChannels());
        int hw = s * s;
        for (int v = 0; v < 2; v++) {
            Planes.write(view(image, rng, s), c, hw, outC, norm, out[v]);
        }
        float[] target = Resampler.regionToPlanes(image, 0, 0, image.height(), image.width(), s, s);
        Planes.write(target, c, hw, outC, norm, out[2]);
    }

    /** One augmented view, planar floats in [0, 1]. */
    float[] view(ImageU8 image, SplittableRandom r, int s) {
        int c = image.channels();
        int hw = s * s;
        Augment.Crop crop = Augment.randomResizedCrop(r, image.height(), image.width(), cfg.scaleMin(),
                cfg.scaleMax(), cfg.ratioMin(), cfg.ratioMax());
        float[] img = Augment.resizedCrop(image, crop, s);
        if (r.nextDouble() < cfg.flipP()) {
            Augment.flipHorizontal(img, c, s, s);
        }
        if (r.nextDouble() < cfg.jitterP()) {
            jitter(img, c, hw, r);
        }
        if (r.nextDouble() < cfg.greyP() && c == 3) {
            Augment.greyscale(img, hw);
        }
        if (r.nextDouble() < cfg.blurP()) {
            // The sigma range is torchvision's at 224 px; a smaller view gets the same blur relative to
            // its size, as the CAiD and PCRLv2 views do. Unscaled, sigma 2 at 64 px wiped out nodules.
            double sigma = (cfg.sigmaMin() + (cfg.sigmaMax() - cfg.sigmaMin()) * r.nextDouble()) * s / REFERENCE_SIZE;
            Augment.gaussianBlur(img, c, s, s, sigma, Augment.blurKernel(s, cfg.blurKernelFraction()));
        }
        return img;
    }

    /** ColorJitter: factors drawn first, then the parts applied in a random order. */
    private void jitter(float[] img, int c, int hw, SplittableRandom r) {
        float b = factor(r, cfg.brightness());
        float ct = factor(r, cfg.contrast());
        float sat = factor(r, cfg.saturation());
        float h = (float) ((2 * r.nextDouble() - 1) * cfg.hue());
        int parts = c == 3 ? 4 : 2;
        int[] order = {0, 1, 2, 3};
        for (int i = parts - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        for (int k = 0; k < parts; k++) {
            switch (order[k]) {
                case 0 -> Augment.brightness(img, b);
                case 1 -> Augment.contrast(img, c, hw, ct);
                case 2 -> Augment.saturation(img, hw, sat);
                default -> Augment.hue(img, hw, h);
            }
        }
    }

    /** A factor uniform in [max(0, 1 - strength), 1 + strength], as torchvision draws it. */
    private static float factor(SplittableRandom r, double strength) {
        double lo = Math.max(0, 1 - strength);
        double hi = 1 + strength;
        return (float) (lo + (hi - lo) * r.nextDouble());
    }
}
