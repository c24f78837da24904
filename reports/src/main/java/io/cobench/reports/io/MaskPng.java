package io.cobench.reports.io;

import io.cobench.cli.UserError;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A segmentation mask read from PNG as values in [0, 1]. Grey images (8 or 16 bit) are scaled by
 * their maximum; colour images are accepted only when every pixel is grey (R = G = B), since a
 * coloured mask has no single meaning.
 *
 * @param width  pixels per row
 * @param height rows
 * @param values row-major intensities in [0, 1]
 */
public record MaskPng(int width, int height, double[] values) {

    public static MaskPng read(Path file) {
        BufferedImage img;
        try {
            img = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new UserError("could not read PNG " + file + ": " + e.getMessage(), e);
        }
        if (img == null) {
            throw new UserError(file + " is not a readable image");
        }
        int w = img.getWidth();
        int h = img.getHeight();
        double[] v = new double[w * h];
        int type = img.getType();
        if (type == BufferedImage.TYPE_BYTE_GRAY || type == BufferedImage.TYPE_USHORT_GRAY) {
            Raster r = img.getRaster();
            double max = (1 << img.getColorModel().getComponentSize(0)) - 1;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    v[y * w + x] = r.getSample(x, y, 0) / max;
                }
            }
        } else {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int rgb = img.getRGB(x, y);
                    int red = (rgb >> 16) & 0xff;
                    int green = (rgb >> 8) & 0xff;
                    int blue = rgb & 0xff;
                    if (red != green || green != blue) {
                        throw new UserError(file + ": pixel (" + x + "," + y + ") is coloured (" + red + ","
                                + green + "," + blue + "); a mask must be grey");
                    }
                    v[y * w + x] = red / 255.0;
                }
            }
        }
        return new MaskPng(w, h, v);
    }
}
