package io.cobench.baselines.swav;

import io.cobench.data.pipeline.TwoViewTransform;
import io.cobench.data.pipeline.ImageU8;
import io.cobench.data.pipeline.Normalization;
import io.cobench.data.pipeline.ViewTransform;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * SwAV's multi-crop views: two large crops ({@code view1}, {@code view2}) and N small ones
 * ({@code small1}..), each a random resized crop with flip, brightness/contrast jitter (p 0.8,
 * strength 0.8, in random order) and Gaussian blur (p 0.5, sigma 0.1-2 px at 224 px, scaled with the
 * output size). Colour hue and saturation do not apply to grey images. Large crops are rendered at
 * the encoder's input size, small ones at {@link MultiCropConfig#smallSize}. Stateless, so safe
 * across threads.
 */
public final class MultiCropViews implements ViewTransform {
    // get_color_distortion(s=1.0) in the reference's src/multicropdataset.py: ColorJitter(0.8, 0.8, 0.8, 0.2).
    private static final double JITTER = 0.8;
    private static final double LOG_RATIO = Math.log(4.0 / 3.0);

    private final MultiCropConfig cfg;
    private final int channels;
    private final int size;
    private final int smallSize;

    /** Large crops of {@code channels} x {@code size} x {@code size}, the encoder's input. */
    public MultiCropViews(MultiCropConfig cfg, int channels, int size) {
        if (channels < 1 || size < 1) {
            throw new IllegalArgumentException("multi-crop: need channels and size >= 1, got " + channels + ", " + size);
        }
        this.cfg = cfg;
        this.channels = channels;
        this.size = size;
        this.smallSize = cfg.smallSize(size);
    }

    /** Placeholder names of the crops, large first. */
    public static List<String> names(int small) {
        List<String> n = new ArrayList<>(List.of(TwoViewTransform.VIEW1, TwoViewTransform.VIEW2));
        for (int i = 1; i <= small; i++) {
            n.add("small" + i);
        }
        return n;
    }

    @Override
    public List<Output> outputs(int channels, int size) {
        if (channels != this.channels || size != this.size) {
            throw new IllegalArgumentException("multi-crop views were made for " + this.channels + " x " + this.size
                    + " px input, asked for " + channels + " x " + size);
        }
        List<String> names = names(cfg.small());
        List<Output> out = new ArrayList<>();
        for (int v = 0; v < names.size(); v++) {
            int px = v < 2 ? size : smallSize;
            out.add(new Output(names.get(v), channels, px, px));
        }
        return out;
    }

    @Override
    public void apply(ImageU8 image, SplittableRandom rng, Normalization norm, float[][] out) {
        List<String> names = names(cfg.small());
        if (out.length != names.size()) {
            throw new IllegalArgumentException("multi-crop makes " + names.size() + " outputs, got " + out.length + " buffers");
        }
        for (int v = 0; v < out.length; v++) {
            boolean large = v < 2;
            int px = large ? size : smallSize;
            if (out[v].length != channels * px * px) {
                throw new IllegalArgumentException("multi-crop output " + names.get(v) + " needs " + channels * px * px
                        + " floats, got " + out[v].length);
            }
            double lo = large ? cfg.largeMinScale() : cfg.smallMinScale();
            double hi = large ? 1.0 : cfg.smallMaxScale();
            float[] grey = crop(image, rng, lo, hi, px);
            if (rng.nextBoolean()) {
                flip(grey, px);
            }
            if (rng.nextDouble() < 0.8) {
                jitter(grey, rng);
            }
            if (rng.nextDouble() < 0.5) {
                // sigma 0.1-2 px at 224 px, scaled with the large crops' size as the reference's
                // PILRandomGaussianBlur draws its radius independently of the crop size
                blur(grey, px, (0.1 + 1.9 * rng.nextDouble()) * size / 224.0);
            }
            for (int c = 0; c < channels; c++) {
                int i = Math.min(c, norm.mean().length - 1);
                for (int p = 0; p < px * px; p++) {
                    out[v][c * px * px + p] = (float) ((grey[p] / 255.0 - norm.mean()[i]) / norm.std()[i]);
                }
            }
        }
    }

    /**
     * torchvision's RandomResizedCrop: area fraction in [lo, hi], aspect ratio log-uniform in
     * [3/4, 4/3], 10 tries, else the central crop; bilinear resampling to size x size. The image's
     * channels are averaged to grey (a no-op for the grey X-rays).
     */
    static float[] crop(ImageU8 img, SplittableRandom rng, double lo, double hi, int size) {
        int h = img.height();
        int w = img.width();
        double cw = w;
        double ch = h;
        double x0 = 0;
        double y0 = 0;
        boolean found = false;
        for (int t = 0; t < 10 && !found; t++) {
            double area = h * (double) w * (lo + (hi - lo) * rng.nextDouble());
            double ratio = Math.exp(-LOG_RATIO + 2 * LOG_RATIO * rng.nextDouble());
            double tw = Math.rint(Math.sqrt(area * ratio));
            double th = Math.rint(Math.sqrt(area / ratio));
            if (tw > 0 && th > 0 && tw <= w && th <= h) {
                cw = tw;
                ch = th;
                x0 = rng.nextInt((int) (w - tw) + 1);
                y0 = rng.nextInt((int) (h - th) + 1);
                found = true;
            }
        }
        if (!found) {
            double side = Math.min(w, h);
            cw = side;
            ch = side;
            x0 = (w - side) / 2;
            y0 = (h - side) / 2;
        }
        float[] out = new float[size * size];
        for (int y = 0; y < size; y++) {
            double sy = Math.min(h - 1.0, Math.max(0.0, y0 + (y + 0.5) * ch / size - 0.5));
            int yi = (int) sy;
            int yj = Math.min(yi + 1, h - 1);
            double fy = sy - yi;
            for (int x = 0; x < size; x++) {
                double sx = Math.min(w - 1.0, Math.max(0.0, x0 + (x + 0.5) * cw / size - 0.5));
                int xi = (int) sx;
                int xj = Math.min(xi + 1, w - 1);
                double fx = sx - xi;
                double top = grey(img, yi, xi) * (1 - fx) + grey(img, yi, xj) * fx;
                double bottom = grey(img, yj, xi) * (1 - fx) + grey(img, yj, xj) * fx;
                out[y * size + x] = (float) (top * (1 - fy) + bottom * fy);
            }
        }
        return out;
    }

    private static double grey(ImageU8 img, int y, int x) {
        double s = 0;
        for (int c = 0; c < img.channels(); c++) {
            s += img.get(y, x, c);
        }
        return s / img.channels();
    }

    static void flip(float[] g, int size) {
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size / 2; x++) {
                int a = y * size + x;
                int b = y * size + size - 1 - x;
                float t = g[a];
                g[a] = g[b];
                g[b] = t;
            }
        }
    }

    /** Brightness (scale) and contrast (blend with the mean), factors in [0.2, 1.8], clamped to 0..255. */
    static void jitter(float[] g, SplittableRandom rng) {
        double brightness = 1 - JITTER + 2 * JITTER * rng.nextDouble();
        double contrast = 1 - JITTER + 2 * JITTER * rng.nextDouble();
        boolean brightnessFirst = rng.nextBoolean();
        for (int pass = 0; pass < 2; pass++) {
            if ((pass == 0) == brightnessFirst) {
                for (int i = 0; i < g.length; i++) {
                    g[i] = clamp(g[i] * brightness);
                }
            } else {
                double mean = 0;
                for (float v : g) {
                    mean += v;
                }
                mean /= g.length;
                for (int i = 0; i < g.length; i++) {
                    g[i] = clamp(mean + (g[i] - mean) * contrast);
                }
            }
        }
    }

    /** Separable Gaussian blur with edge replication, kernel radius ceil(3 sigma). */
    static void blur(float[] g, int size, double sigma) {
        int r = Math.max(1, (int) Math.ceil(3 * sigma));
        double[] k = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-i * i / (2 * sigma * sigma));
            sum += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        float[] tmp = new float[g.length];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double s = 0;
                for (int i = -r; i <= r; i++) {
                    s += k[i + r] * g[y * size + Math.min(size - 1, Math.max(0, x + i))];
                }
                tmp[y * size + x] = (float) s;
            }
        }
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double s = 0;
                for (int i = -r; i <= r; i++) {
                    s += k[i + r] * tmp[Math.min(size - 1, Math.max(0, y + i)) * size + x];
                }
                g[y * size + x] = (float) s;
            }
        }
    }

    private static float clamp(double v) {
        return (float) Math.max(0, Math.min(255, v));
    }
}
