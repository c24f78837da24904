package io.cobench.data.pipeline;

/**
 * A decoded, resized image as the cache stores it: {@code height x width x channels} bytes,
 * row-major, channels interleaved (HWC). Channels is 1 (grey) or 3 (RGB).
 */
public record ImageU8(String id, int height, int width, int channels, byte[] pixels) {
    public ImageU8 {
        if (pixels.length != height * width * channels) {
            throw new IllegalArgumentException("image " + id + ": " + pixels.length + " bytes for "
                    + height + "x" + width + "x" + channels);
        }
    }

    /** Pixel value 0..255 at row y, column x, channel c. */
    public int get(int y, int x, int c) {
        return pixels[(y * width + x) * channels + c] & 0xff;
    }
}
