package io.cobench.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Small image files for fixture trees. */
public final class TestImages {

    private TestImages() {
    }

    /** An 8-bit grey image whose pixel (x, y) is {@code (x + 2y + seed) % 256}. */
    public static BufferedImage grey(int w, int h, int seed) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.getRaster().setSample(x, y, 0, (x + 2 * y + seed) % 256);
            }
        }
        return img;
    }

    /** An RGB image, pixel (x, y) = (x*10, y*10, seed) mod 256. */
    public static BufferedImage rgb(int w, int h, int seed) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.getRaster().setSample(x, y, 0, (x * 10) % 256);
                img.getRaster().setSample(x, y, 1, (y * 10) % 256);
                img.getRaster().setSample(x, y, 2, seed % 256);
            }
        }
        return img;
    }

    /** Writes {@code img} as {@code format} to {@code file}, creating folders. */
    public static Path write(BufferedImage img, String format, Path file) {
        try {
            Files.createDirectories(file.getParent());
            if (!ImageIO.write(img, format, file.toFile())) {
                throw new IllegalStateException("no writer for " + format);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes text to a file, creating folders. */
    public static Path text(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
