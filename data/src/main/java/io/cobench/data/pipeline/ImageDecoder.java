package io.cobench.data.pipeline;

import io.cobench.data.BadImagePolicy;
import io.cobench.data.ImageReader;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Turns an image file into an {@link ImageU8} of 1 (grey) or 3 (RGB) channels. Decoding and the
 * mode rules (16-bit and palette sources, alpha dropped, PIL's luma for colour to grey, grey
 * repeated for RGB) are the loaders' {@link ImageReader}'s, so the cache and the loaders can
 * never disagree about a pixel.
 */
public final class ImageDecoder {
    private ImageDecoder() {
    }

    /** Decodes {@code file}; a bad file is an error naming it. */
    public static ImageU8 decode(String id, Path file, int channels) {
        return decode(id, file, channels, BadImagePolicy.fail()).orElseThrow();
    }

    /** Decodes {@code file}, or records it in {@code policy} and returns nothing when that skips bad files. */
    public static Optional<ImageU8> decode(String id, Path file, int channels, BadImagePolicy policy) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, not " + channels);
        }
        return ImageReader.read(file, policy).map(img -> convert(id, img, channels));
    }

    /** Converts a picture normalised by {@link ImageReader#normalise} to interleaved bytes. */
    public static ImageU8 convert(String id, BufferedImage normalised, int channels) {
        BufferedImage img = channels == 1 ? ImageReader.toGrey(normalised) : ImageReader.toRgb(normalised);
        byte[] data = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        int n = img.getWidth() * img.getHeight();
        byte[] out = new byte[n * channels];
        if (channels == 1) {
            System.arraycopy(data, 0, out, 0, n);
        } else {
            // TYPE_3BYTE_BGR stores blue first
            for (int i = 0; i < n; i++) {
                out[3 * i] = data[3 * i + 2];
                out[3 * i + 1] = data[3 * i + 1];
                out[3 * i + 2] = data[3 * i];
            }
        }
        return new ImageU8(id, img.getHeight(), img.getWidth(), channels, out);
    }
}
