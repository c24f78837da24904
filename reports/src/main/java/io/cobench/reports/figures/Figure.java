package io.cobench.reports.figures;

import de.erichseifert.vectorgraphics2d.Processors;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import io.cobench.io.AtomicFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Every figure of a report in three files: a PNG for report.md, and beside it an SVG and a PDF
 * drawn from the same painting code as vectors (VectorGraphics2D, which XChart's own vector
 * encoder uses), for a paper. All three are written atomically.
 */
public final class Figure {
    /** The files of one figure beside the PNG, in the order written. */
    public static final List<String> VECTOR_FORMATS = List.of("svg", "pdf");

    private Figure() {
    }

    /** Reports run on servers without a display; call before any Java2D drawing. */
    static void headless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** {@code png} with its extension replaced by {@code ext}. */
    public static Path sibling(Path png, String ext) {
        String name = png.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return png.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + "." + ext);
    }

    /** A figure of {@code width} x {@code height} drawn by {@code painter} on a white page. */
    static void write(Path png, int width, int height, Consumer<Graphics2D> painter) {
        headless();
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        painter.accept(g);
        g.dispose();
        AtomicFiles.write(png, out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
        for (String fmt : VECTOR_FORMATS) {
            VectorGraphics2D v = new VectorGraphics2D();
            v.setColor(Color.WHITE);
            v.fillRect(0, 0, width, height);
            painter.accept(v);
            v.dispose();
            AtomicFiles.write(sibling(png, fmt), out -> Processors.get(fmt)
                    .getDocument(v.getCommands(), new PageSize(width, height)).writeTo(out));
        }
    }

    /** Charts of one size side by side. */
    static void write(Path png, List<? extends Chart<?, ?>> charts) {
        int w = charts.get(0).getWidth();
        int h = charts.get(0).getHeight();
        write(png, w * charts.size(), h, g -> {
            for (int i = 0; i < charts.size(); i++) {
                Graphics2D sub = (Graphics2D) g.create(i * w, 0, w, h);
                charts.get(i).paint(sub, w, h);
                sub.dispose();
            }
        });
    }
}
