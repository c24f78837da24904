package io.cobench.data.phantom;

import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;

/**
 * A float picture, one plane per channel (grey: 1, RGB: 3), nominal range [0, 1]. Painting goes
 * through {@link Mask}s; {@link #toBytes} quantises at the end.
 */
final class Canvas {
    final int width;
    final int height;
    final int channels;
    final float[][] planes;

    Canvas(int width, int height, int channels) {
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.planes = new float[channels][width * height];
    }

    void fill(float... value) {
        for (int k = 0; k < channels; k++) {
            java.util.Arrays.fill(planes[k], value[Math.min(k, value.length - 1)]);
        }
    }

    /** Adds {@code amount[k] * coverage} to channel k. */
    void add(Mask mask, float... amount) {
        for (int k = 0; k < channels; k++) {
            float a = amount[Math.min(k, amount.length - 1)];
            float[] p = planes[k];
            for (int i = 0; i < p.length; i++) {
                p[i] += a * mask.m[i];
            }
        }
    }

    /** Moves each channel towards {@code colour} by {@code opacity * coverage}. */
    void blend(Mask mask, float opacity, float... colour) {
        for (int k = 0; k < channels; k++) {
            float c = colour[Math.min(k, colour.length - 1)];
            float[] p = planes[k];
            for (int i = 0; i < p.length; i++) {
                float t = opacity * mask.m[i];
                p[i] += t * (c - p[i]);
            }
        }
    }

    /** Multiplies channel k by {@code 1 + coverage * (factor[k] - 1)}. */
    void scale(Mask mask, float... factor) {
        for (int k = 0; k < channels; k++) {
            float f = factor[Math.min(k, factor.length - 1)] - 1;
            float[] p = planes[k];
            for (int i = 0; i < p.length; i++) {
                p[i] *= 1 + f * mask.m[i];
            }
        }
    }

    /** Adds {@code amount[k] * coverage * field(x, y)}: textured lesions. */
    void addField(Mask mask, DoubleBinaryOperator field, float... amount) {
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                if (mask.m[i] == 0) {
                    continue;
                }
                float f = (float) field.applyAsDouble(x + 0.5, y + 0.5) * mask.m[i];
                for (int k = 0; k < channels; k++) {
                    planes[k][i] += amount[Math.min(k, amount.length - 1)] * f;
                }
            }
        }
    }

    /**
     * Per-pixel noise of standard deviation {@code sigma} (sum of four uniforms: close enough to
     * Gaussian for film grain and far cheaper than Box-Muller).
     */
    void grain(SplittableRandom r, double sigma, boolean sameInAllChannels) {
        double scale = sigma / Math.sqrt(4.0 / 12.0);
        int n = width * height;
        for (int i = 0; i < n; i++) {
            float g = (float) (scale * (r.nextDouble() + r.nextDouble() + r.nextDouble() + r.nextDouble() - 2));
            for (int k = 0; k < channels; k++) {
                if (k > 0 && !sameInAllChannels) {
                    g = (float) (scale * (r.nextDouble() + r.nextDouble() + r.nextDouble() + r.nextDouble() - 2));
                }
                planes[k][i] += g;
            }
        }
    }

    /** Separable Gaussian blur of every channel, mirrored at the borders. */
    void blur(double sigma) {
        if (sigma < 0.2) {
            return;
        }
        float[] kernel = gaussianKernel(sigma);
        for (int k = 0; k < channels; k++) {
            planes[k] = blurPlane(planes[k], width, height, kernel);
        }
    }

    /** Blurs only where {@code region} covers: mixes the sharp and blurred picture by coverage. */
    void blur(double sigma, Mask region) {
        float[] kernel = gaussianKernel(sigma);
        for (int k = 0; k < channels; k++) {
            float[] b = blurPlane(planes[k], width, height, kernel);
            float[] p = planes[k];
            for (int i = 0; i < p.length; i++) {
                p[i] += region.m[i] * (b[i] - p[i]);
            }
        }
    }

    static float[] gaussianKernel(double sigma) {
        int radius = Math.max(1, (int) Math.ceil(3 * sigma));
        float[] k = new float[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            double v = StrictMath.exp(-0.5 * i * i / (sigma * sigma));
            k[i + radius] = (float) v;
            sum += v;
        }
        for (int i = 0; i < k.length; i++) {
            k[i] = (float) (k[i] / sum);
        }
        return k;
    }

    static float[] blurPlane(float[] src, int w, int h, float[] kernel) {
        int r = kernel.length / 2;
        float[] tmp = new float[src.length];
        float[] out = new float[src.length];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                float s = 0;
                for (int j = -r; j <= r; j++) {
                    s += kernel[j + r] * src[row + mirror(x + j, w)];
                }
                tmp[row + x] = s;
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float s = 0;
                for (int j = -r; j <= r; j++) {
                    s += kernel[j + r] * tmp[mirror(y + j, h) * w + x];
                }
                out[y * w + x] = s;
            }
        }
        return out;
    }

    private static int mirror(int i, int n) {
        if (n == 1) {
            return 0;
        }
        while (i < 0 || i >= n) {
            i = i < 0 ? -i - 1 : 2 * n - i - 1;
        }
        return i;
    }

    /** Interleaved 8-bit samples (HWC), rounded and clamped. */
    byte[] toBytes() {
        byte[] out = new byte[width * height * channels];
        for (int i = 0; i < width * height; i++) {
            for (int k = 0; k < channels; k++) {
                float v = planes[k][i] * 255f + 0.5f;
                int q = v <= 0 ? 0 : v >= 255 ? 255 : (int) v;
                out[i * channels + k] = (byte) q;
            }
        }
        return out;
    }
}
