package io.cobench.data.pipeline;

/**
 * Separable resampling with a triangle (bilinear) filter whose support widens with the
 * reduction factor, as PIL's antialiased BILINEAR resize does: a downscale averages every
 * source pixel under the output pixel (no aliasing), an upscale interpolates linearly. Only
 * pixels inside the region are read; beyond its border the edge repeats, as when torchvision
 * crops first and resizes the crop.
 */
public final class Resampler {
    private Resampler() {
    }

    /** Filter taps for one axis: output o reads {@code count[o]} sources from {@code first[o]}. */
    record Taps(int[] first, int[] count, float[] weights, int stride) {
    }

    /** Taps mapping the source interval [start, start + length) of an axis of {@code in} pixels onto {@code out}. */
    static Taps taps(double start, double length, int in, int out) {
        double scale = length / out;
        double support = Math.max(1.0, scale);
        int stride = (int) Math.ceil(support) * 2 + 2;
        int[] first = new int[out];
        int[] count = new int[out];
        float[] w = new float[out * stride];
        for (int o = 0; o < out; o++) {
            double centre = start + (o + 0.5) * scale;
            int lo = (int) Math.floor(centre - support);
            int hi = (int) Math.ceil(centre + support);
            double sum = 0;
            int k = 0;
            first[o] = lo;
            for (int i = lo; i <= hi && k < stride; i++) {
                double d = Math.abs((i + 0.5 - centre) / support);
                double v = d < 1 ? 1 - d : 0;
                w[o * stride + k++] = (float) v;
                sum += v;
            }
            // drop taps of zero weight at both ends (an exact-grid upscale has one on each side)
            int skip = 0;
            while (skip < k - 1 && w[o * stride + skip] == 0) {
                skip++;
            }
            while (k > skip + 1 && w[o * stride + k - 1] == 0) {
                k--;
            }
            first[o] = lo + skip;
            count[o] = k - skip;
            for (int j = 0; j < count[o]; j++) {
                w[o * stride + j] = (float) (w[o * stride + skip + j] / sum);
            }
        }
        return new Taps(first, count, w, stride);
    }

    private static int clamp(int i, int lo, int hi) {
        return i < lo ? lo : i > hi ? hi : i;
    }

    /**
     * Resamples the region (top, left, height, width) of {@code img} to {@code outH x outW}, as
     * planar floats in [0, 1] ({@code channels} planes of {@code outH * outW}).
     */
    public static float[] regionToPlanes(ImageU8 img, double top, double left, double height, double width,
                                         int outH, int outW) {
        int c = img.channels();
        int srcW = img.width();
        int srcH = img.height();
        if (top == 0 && left == 0 && height == srcH && width == srcW && outH == srcH && outW == srcW) {
            return toPlanes(img);
        }
        Taps tx = taps(left, width, srcW, outW);
        Taps ty = taps(top, height, srcH, outH);
        int x0 = Math.max(0, (int) Math.floor(left));
        int x1 = Math.min(srcW - 1, (int) Math.ceil(left + width) - 1);
        int y0 = Math.max(0, (int) Math.floor(top));
        int y1 = Math.min(srcH - 1, (int) Math.ceil(top + height) - 1);
        int rowLo = clamp(ty.first()[0], y0, y1);
        int rowHi = clamp(ty.first()[outH - 1] + ty.count()[outH - 1] - 1, y0, y1);
        int rows = rowHi - rowLo + 1;
        byte[] px = img.pixels();
        // source sample offsets of every tap, clamped once rather than per pixel
        int stride = tx.stride();
        int[] at = new int[outW * stride];
        for (int o = 0; o < outW; o++) {
            for (int k = 0; k < tx.count()[o]; k++) {
                at[o * stride + k] = clamp(tx.first()[o] + k, x0, x1) * c;
            }
        }
        float[] wx = tx.weights();
        int[] nx = tx.count();
        // horizontal pass over only the rows the vertical pass will read
        float[] mid = new float[c * rows * outW];
        for (int y = 0; y < rows; y++) {
            int srcRow = (rowLo + y) * srcW * c;
            for (int ch = 0; ch < c; ch++) {
                int dst = (ch * rows + y) * outW;
                int src = srcRow + ch;
                for (int o = 0; o < outW; o++) {
                    int base = o * stride;
                    float s = 0;
                    for (int k = 0; k < nx[o]; k++) {
                        s += wx[base + k] * (px[src + at[base + k]] & 0xff);
                    }
                    mid[dst + o] = s;
                }
            }
        }
        float[] out = new float[c * outH * outW];
        float inv = 1f / 255f;
        for (int o = 0; o < outH; o++) {
            int f = ty.first()[o];
            int base = o * ty.stride();
            for (int ch = 0; ch < c; ch++) {
                int dst = (ch * outH + o) * outW;
                for (int k = 0; k < ty.count()[o]; k++) {
                    float wk = ty.weights()[base + k] * inv;
                    int src = (ch * rows + clamp(f + k, y0, y1) - rowLo) * outW;
                    for (int x = 0; x < outW; x++) {
                        out[dst + x] += wk * mid[src + x];
                    }
                }
            }
        }
        return out;
    }

    /** The image as planar floats in [0, 1], no resampling. */
    static float[] toPlanes(ImageU8 img) {
        int c = img.channels();
        int n = img.height() * img.width();
        byte[] px = img.pixels();
        float[] out = new float[c * n];
        float inv = 1f / 255f;
        for (int i = 0; i < n; i++) {
            for (int ch = 0; ch < c; ch++) {
                out[ch * n + i] = (px[i * c + ch] & 0xff) * inv;
            }
        }
        return out;
    }

    /** The whole image resized to {@code outH x outW}, rounded back to 8-bit HWC. */
    public static ImageU8 resize(ImageU8 img, int outH, int outW) {
        if (img.height() == outH && img.width() == outW) {
            return img;
        }
        float[] planes = regionToPlanes(img, 0, 0, img.height(), img.width(), outH, outW);
        int c = img.channels();
        int n = outH * outW;
        byte[] out = new byte[n * c];
        for (int i = 0; i < n; i++) {
            for (int ch = 0; ch < c; ch++) {
                float v = planes[ch * n + i] * 255f + 0.5f;
                out[i * c + ch] = (byte) (v <= 0 ? 0 : v >= 255 ? 255 : (int) v);
            }
        }
        return new ImageU8(img.id(), outH, outW, c, out);
    }
}
