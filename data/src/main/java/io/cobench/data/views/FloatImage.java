package io.cobench.data.views;

import io.cobench.data.pipeline.ImageU8;
import io.cobench.data.pipeline.Normalization;

/**
 * A mutable image in CHW layout with values in [0,1] (8-bit value / 255), the working format of
 * the view operations. Not thread-safe; each sample makes its own.
 */
public final class FloatImage {
    private final int channels;
    private final int height;
    private final int width;
    private final float[] data;

    public FloatImage(int channels, int height, int width) {
        this(channels, height, width, new float[channels * height * width]);
    }

    public FloatImage(int channels, int height, int width, float[] data) {
        if (channels < 1 || height < 1 || width < 1 || data.length != channels * height * width) {
            throw new IllegalArgumentException("image of " + channels + "x" + height + "x" + width
                    + " needs that many values, got " + data.length);
        }
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.data = data;
    }

    /** The cached 8-bit image as floats in [0,1], HWC to CHW. */
    public static FloatImage of(ImageU8 im) {
        FloatImage f = new FloatImage(im.channels(), im.height(), im.width());
        for (int c = 0; c < im.channels(); c++) {
            for (int y = 0; y < im.height(); y++) {
                for (int x = 0; x < im.width(); x++) {
                    f.set(c, y, x, im.get(y, x, c) / 255f);
                }
            }
        }
        return f;
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    public float get(int c, int y, int x) {
        return data[(c * height + y) * width + x];
    }

    public void set(int c, int y, int x, float v) {
        data[(c * height + y) * width + x] = v;
    }

    public FloatImage copy() {
        return new FloatImage(channels, height, width, data.clone());
    }

    /** Luma of the pixel (ITU-R 601-2, PIL's "L" conversion); the value itself for grey images. */
    public float luma(int y, int x) {
        if (channels == 1) {
            return get(0, y, x);
        }
        return 0.299f * get(0, y, x) + 0.587f * get(1, y, x) + 0.114f * get(2, y, x);
    }

    /** A one-channel copy holding the luma. */
    public FloatImage grey() {
        FloatImage g = new FloatImage(1, height, width);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                g.set(0, y, x, luma(y, x));
            }
        }
        return g;
    }

    /**
     * Writes the image into {@code out} (CHW, {@code outChannels} channels) normalised as
     * {@code (v - mean) / std}: a grey image is replicated into every channel, a colour image
     * written into one channel becomes its luma.
     */
    public void writeTo(float[] out, int outChannels, Normalization norm) {
        if (out.length != outChannels * height * width) {
            throw new IllegalArgumentException("output holds " + out.length + " values, need " + outChannels + "x"
                    + height + "x" + width);
        }
        if (channels != 1 && channels != outChannels && outChannels != 1) {
            throw new IllegalArgumentException("cannot write a " + channels + "-channel image as " + outChannels
                    + " channels");
        }
        for (int c = 0; c < outChannels; c++) {
            int i = Math.min(c, norm.mean().length - 1);
            double mean = norm.mean()[i];
            double std = norm.std()[i];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    float v = channels == outChannels ? get(c, y, x) : channels == 1 ? get(0, y, x) : luma(y, x);
                    out[(c * height + y) * width + x] = (float) ((v - mean) / std);
                }
            }
        }
    }

    /** Writes the raw [0,1] values (no normalisation), e.g. a restoration target for a sigmoid output. */
    public void writeRawTo(float[] out) {
        if (out.length != data.length) {
            throw new IllegalArgumentException("output holds " + out.length + " values, need " + data.length);
        }
        System.arraycopy(data, 0, out, 0, data.length);
    }
}
