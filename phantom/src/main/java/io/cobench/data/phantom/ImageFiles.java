package io.cobench.data.phantom;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Encodes pictures with javax.imageio. The encoders write no time stamps, so equal pixels give
 * equal bytes; a memory-cached stream avoids ImageIO's shared temp-file cache under threads.
 */
final class ImageFiles {
    private ImageFiles() {
    }

    /** Writes an 8-bit picture: grey as PNG mode L, or RGB in the format of the extension. */
    static void write(Path file, Canvas c) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        String format = name.endsWith(".png") ? "png"
                : name.endsWith(".jpg") || name.endsWith(".jpeg") ? "jpeg"
                : name.endsWith(".tif") || name.endsWith(".tiff") ? "tiff" : null;
        if (format == null) {
            throw new IllegalArgumentException("no image format for " + file);
        }
        encode(file, image(c), format);
    }

    /** Writes a grey picture as an RGBA PNG (the few odd NIH files are like this). */
    static void writeRgba(Path file, Canvas grey) {
        byte[] g = grey.toBytes();
        BufferedImage img = new BufferedImage(grey.width, grey.height, BufferedImage.TYPE_4BYTE_ABGR);
        byte[] d = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < g.length; i++) {
            d[4 * i] = (byte) 255;
            d[4 * i + 1] = g[i];
            d[4 * i + 2] = g[i];
            d[4 * i + 3] = g[i];
        }
        encode(file, img, "png");
    }

    static BufferedImage image(Canvas c) {
        byte[] bytes = c.toBytes();
        if (c.channels == 1) {
            BufferedImage img = new BufferedImage(c.width, c.height, BufferedImage.TYPE_BYTE_GRAY);
            byte[] d = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
            System.arraycopy(bytes, 0, d, 0, bytes.length);
            return img;
        }
        BufferedImage img = new BufferedImage(c.width, c.height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] d = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < c.width * c.height; i++) {
            d[3 * i] = bytes[3 * i + 2];
            d[3 * i + 1] = bytes[3 * i + 1];
            d[3 * i + 2] = bytes[3 * i];
        }
        return img;
    }

    private static void encode(Path file, BufferedImage img, String format) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
        if (!writers.hasNext()) {
            throw new IllegalStateException("this JVM has no " + format + " encoder");
        }
        ImageWriter w = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            w.setOutput(out);
            ImageWriteParam p = w.getDefaultWriteParam();
            if (format.equals("jpeg")) {
                p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                p.setCompressionQuality(0.92f);
            }
            w.write(null, new IIOImage(img, null, null), p);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode " + file, e);
        } finally {
            w.dispose();
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
        }
    }
}
