package io.cobench.reports.figures;

import io.cobench.io.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Atomic PNG output for charts and composed images. */
final class Png {
    private Png() {
    }

    /** Reports run on servers without a display; call before any Java2D drawing. */
    static void headless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    static void write(Path file, BufferedImage img) {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    static void write(Path file, Chart<?, ?> chart) {
        try {
            byte[] bytes = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            AtomicFiles.write(file, out -> out.write(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("could not draw " + file, e);
        }
    }

    /** Several charts side by side in one PNG. */
    static <T extends Chart<?, ?>> void write(Path file, List<T> charts) {
        AtomicFiles.write(file, out -> BitmapEncoder.saveBitmap(charts, 1, charts.size(), out,
                BitmapEncoder.BitmapFormat.PNG));
    }
}
