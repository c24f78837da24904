package io.cobench.data.pipeline;

import java.util.SplittableRandom;

/**
 * The augmentation operations, as torchvision defines them, on planar float images in [0, 1]
 * ({@code c} planes of {@code h * w}, CHW). Each is a pure function of its arguments; the random
 * parameters are drawn by the caller, so every operation can be tested on a hand-built image.
 */
public final class Augment {
    /** torchvision's grey weights for tensors (rgb_to_grayscale). */
    static final float WR = 0.2989f;
    static final float WG = 0.587f;
    static final float WB = 0.114f;

    private Augment() {
    }

    /** A crop window in source pixels. */
    public record Crop(int top, int left, int height, int width) {
    }

    /**
     * RandomResizedCrop.get_params: up to ten tries of an area fraction in [scaleMin, scaleMax]
     * and a log-uniform aspect ratio in [ratioMin, ratioMax] that fit the image; otherwise the
     * central crop with the ratio clamped into range.
     */
    public static Crop randomResizedCrop(SplittableRandom r, int height, int width, double scaleMin, double scaleMax,
                                         double ratioMin, double ratioMax) {
        double area = (double) height * width;
        double logLo = Math.log(ratioMin);
        double logHi = Math.log(ratioMax);
        for (int attempt = 0; attempt < 10; attempt++) {
            double target = area * (scaleMin + (scaleMax - scaleMin) * r.nextDouble());
            double aspect = Math.exp(logLo + (logHi - logLo) * r.nextDouble());
            int w = (int) Math.round(Math.sqrt(target * aspect));
            int h = (int) Math.round(Math.sqrt(target / aspect));
            if (w > 0 && w <= width && h > 0 && h <= height) {
                int top = r.nextInt(height - h + 1);
                int left = r.nextInt(width - w + 1);
                return new Crop(top, left, h, w);
            }
        }
        double inRatio = (double) width / height;
        int w;
        int h;
        if (inRatio < ratioMin) {
            w = width;
            h = (int) Math.round(w / ratioMin);
        } else if (inRatio > ratioMax) {
            h = height;
            w = (int) Math.round(h * ratioMax);
        } else {
            w = width;
            h = height;
        }
        return new Crop((height - h) / 2, (width - w) / 2, h, w);
    }

    /** The crop window resampled to {@code outSize x outSize}, planar floats in [0, 1]. */
    public static float[] resizedCrop(ImageU8 img, Crop c, int outSize) {
        return Resampler.regionToPlanes(img, c.top(), c.left(), c.height(), c.width(), outSize, outSize);
    }

    /** Mirrors every row: column x becomes column w - 1 - x. */
    public static void flipHorizontal(float[] img, int c, int h, int w) {
        for (int row = 0; row < c * h; row++) {
            int base = row * w;
            for (int x = 0, y = w - 1; x < y; x++, y--) {
                float t = img[base + x];
                img[base + x] = img[base + y];
                img[base + y] = t;
            }
        }
    }

    /** adjust_brightness: multiply by {@code factor}, clamp to [0, 1]. */
    public static void brightness(float[] img, float factor) {
        for (int i = 0; i < img.length; i++) {
            img[i] = clamp(img[i] * factor);
        }
    }

    /**
     * adjust_contrast: blend with the mean of the grey image, {@code factor * v + (1 - factor) *
     * mean}, clamp to [0, 1]. For one channel the grey image is the image itself.
     */
    public static void contrast(float[] img, int c, int hw, float factor) {
        double sum = 0;
        if (c == 1) {
            for (int i = 0; i < hw; i++) {
                sum += img[i];
            }
        } else {
            for (int i = 0; i < hw; i++) {
                sum += WR * img[i] + WG * img[hw + i] + WB * img[2 * hw + i];
            }
        }
        float mean = (float) (sum / hw);
        float off = (1 - factor) * mean;
        for (int i = 0; i < img.length; i++) {
            img[i] = clamp(factor * img[i] + off);
        }
    }

    /** adjust_saturation: blend each pixel with its own grey value; RGB only. */
    public static void saturation(float[] img, int hw, float factor) {
        for (int i = 0; i < hw; i++) {
            float g = WR * img[i] + WG * img[hw + i] + WB * img[2 * hw + i];
            float off = (1 - factor) * g;
            img[i] = clamp(factor * img[i] + off);
            img[hw + i] = clamp(factor * img[hw + i] + off);
            img[2 * hw + i] = clamp(factor * img[2 * hw + i] + off);
        }
    }

    /** adjust_hue: rotate the HSV hue by {@code shift} turns (in [-0.5, 0.5]); RGB only. */
    public static void hue(float[] img, int hw, float shift) {
        for (int i = 0; i < hw; i++) {
            float r = img[i];
            float g = img[hw + i];
            float b = img[2 * hw + i];
            float max = Math.max(r, Math.max(g, b));
            float min = Math.min(r, Math.min(g, b));
            float delta = max - min;
            if (delta <= 0) {
                continue;
            }
            float s = delta / max;
            float h;
            if (max == r) {
                h = (g - b) / delta;
            } else if (max == g) {
                h = 2 + (b - r) / delta;
            } else {
                h = 4 + (r - g) / delta;
            }
            h = h / 6 + shift;
            h -= (float) Math.floor(h);
            float v = max;
            float h6 = h * 6;
            int sector = Math.min(5, (int) h6);
            float f = h6 - sector;
            float p = v * (1 - s);
            float q = v * (1 - s * f);
            float t = v * (1 - s * (1 - f));
            switch (sector) {
                case 0 -> set(img, hw, i, v, t, p);
                case 1 -> set(img, hw, i, q, v, p);
                case 2 -> set(img, hw, i, p, v, t);
                case 3 -> set(img, hw, i, p, q, v);
                case 4 -> set(img, hw, i, t, p, v);
                default -> set(img, hw, i, v, p, q);
            }
        }
    }

    private static void set(float[] img, int hw, int i, float r, float g, float b) {
        img[i] = r;
        img[hw + i] = g;
        img[2 * hw + i] = b;
    }

    /** rgb_to_grayscale with three output channels: every channel gets the grey value. */
    public static void greyscale(float[] img, int hw) {
        for (int i = 0; i < hw; i++) {
            float g = WR * img[i] + WG * img[hw + i] + WB * img[2 * hw + i];
            img[i] = g;
            img[hw + i] = g;
            img[2 * hw + i] = g;
        }
    }

    /**
     * Gaussian blur with reflect padding (as torchvision's, which does not repeat the edge
     * pixel). The kernel has {@code kernelSize} taps but is cut where the Gaussian falls below
     * e^-8 of its peak (beyond four sigma), which changes no output by more than about 3e-4 and
     * makes small sigmas cheap.
     */
    public static void gaussianBlur(float[] img, int c, int h, int w, double sigma, int kernelSize) {
        int radius = Math.min((kernelSize - 1) / 2, (int) Math.ceil(4 * sigma));
        if (radius < 1) {
            return;
        }
        float[] k = new float[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            double v = Math.exp(-0.5 * (i / sigma) * (i / sigma));
            k[i + radius] = (float) v;
            sum += v;
        }
        for (int i = 0; i < k.length; i++) {
            k[i] = (float) (k[i] / sum);
        }
        float[] row = new float[w + 2 * radius];
        float[] copy = new float[h * w];
        for (int ch = 0; ch < c; ch++) {
            int plane = ch * h * w;
            for (int y = 0; y < h; y++) {
                int base = plane + y * w;
                for (int x = -radius; x < w + radius; x++) {
                    row[x + radius] = img[base + reflect(x, w)];
                }
                for (int x = 0; x < w; x++) {
                    float s = 0;
                    for (int j = 0; j < k.length; j++) {
                        s += k[j] * row[x + j];
                    }
                    img[base + x] = s;
                }
            }
            // vertical pass row by row, so that memory is read in order
            System.arraycopy(img, plane, copy, 0, h * w);
            for (int y = 0; y < h; y++) {
                int dst = plane + y * w;
                java.util.Arrays.fill(img, dst, dst + w, 0f);
                for (int j = 0; j < k.length; j++) {
                    int src = reflect(y + j - radius, h) * w;
                    float kj = k[j];
                    for (int x = 0; x < w; x++) {
                        img[dst + x] += kj * copy[src + x];
                    }
                }
            }
        }
    }

    static int reflect(int i, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * (n - 1);
        i = Math.floorMod(i, period);
        return i < n ? i : period - i;
    }

    /** The odd kernel size for blurring {@code size}-pixel images: {@code fraction} of the size, e.g. 23 at 224. */
    public static int blurKernel(int size, double fraction) {
        int k = (int) (fraction * size);
        return k % 2 == 0 ? k + 1 : k;
    }

    static float clamp(float v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }
}
