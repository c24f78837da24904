package io.cobench.data.pipeline;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Decodes an image file with javax.imageio and converts its mode the way PIL's {@code convert}
 * does: palette images through their palette, 16-bit (or 1/2/4-bit) samples rescaled to 8 bits,
 * alpha dropped, and colour to grey by the ITU-R 601-2 luma weights in PIL's fixed-point form.
 * Grey to RGB repeats the grey value in all three channels.
 */
public final class ImageDecoder {
    private ImageDecoder() {
    }

    /** A file that could not be decoded; the message names the file and the reason. */
    public static final class BadImageException extends IOException {
        public BadImageException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Decodes {@code file} into {@code channels} (1 or 3) 8-bit channels at its own size. */
    public static ImageU8 decode(String id, Path file, int channels) throws BadImageException {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, not " + channels);
        }
        BufferedImage img;
        try {
            if (!Files.isRegularFile(file)) {
                throw new BadImageException("image " + file + " does not exist", null);
            }
            img = ImageIO.read(file.toFile());
        } catch (BadImageException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new BadImageException("cannot decode image " + file + ": " + e.getMessage(), e);
        }
        if (img == null) {
            throw new BadImageException("cannot decode image " + file + ": no javax.imageio reader for this format",
                    null);
        }
        return convert(id, img, channels);
    }

    /** Mode conversion of an already decoded picture. */
    public static ImageU8 convert(String id, BufferedImage img, int channels) {
        int w = img.getWidth();
        int h = img.getHeight();
        int n = w * h;
        Raster ras = img.getRaster();
        int[] r;
        int[] g;
        int[] b;
        boolean grey;
        if (img.getColorModel() instanceof IndexColorModel icm) {
            int[] idx = ras.getSamples(0, 0, w, h, 0, (int[]) null);
            r = new int[n];
            g = new int[n];
            b = new int[n];
            for (int i = 0; i < n; i++) {
                r[i] = icm.getRed(idx[i]);
                g[i] = icm.getGreen(idx[i]);
                b[i] = icm.getBlue(idx[i]);
            }
            grey = false;
        } else {
            int bands = ras.getNumBands();
            grey = bands < 3;
            r = to8(ras.getSamples(0, 0, w, h, 0, (int[]) null), ras.getSampleModel().getSampleSize(0));
            if (grey) {
                g = r;
                b = r;
            } else {
                g = to8(ras.getSamples(0, 0, w, h, 1, (int[]) null), ras.getSampleModel().getSampleSize(1));
                b = to8(ras.getSamples(0, 0, w, h, 2, (int[]) null), ras.getSampleModel().getSampleSize(2));
            }
        }
        byte[] out = new byte[n * channels];
        for (int i = 0; i < n; i++) {
            if (channels == 1) {
                out[i] = (byte) (grey ? r[i] : luma(r[i], g[i], b[i]));
            } else {
                out[3 * i] = (byte) r[i];
                out[3 * i + 1] = (byte) g[i];
                out[3 * i + 2] = (byte) b[i];
            }
        }
        return new ImageU8(id, h, w, channels, out);
    }

    /** PIL's L = R * 299/1000 + G * 587/1000 + B * 114/1000, in its 16-bit fixed point. */
    public static int luma(int r, int g, int b) {
        return (r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16;
    }

    private static int[] to8(int[] v, int bits) {
        if (bits == 8) {
            return v;
        }
        long max = (1L << bits) - 1;
        for (int i = 0; i < v.length; i++) {
            v[i] = (int) ((v[i] * 255L + max / 2) / max);
        }
        return v;
    }
}
