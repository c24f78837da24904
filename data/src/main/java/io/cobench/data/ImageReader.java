package io.cobench.data;

import io.cobench.cli.UserError;
import io.cobench.data.dicom.DicomReader;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.awt.color.ColorSpace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes an image file (PNG, JPEG, TIFF, BMP, GIF) into 8-bit grey ({@code TYPE_BYTE_GRAY}) or
 * 8-bit RGB ({@code TYPE_3BYTE_BGR}), whatever the file stores.
 *
 * <ul>
 *   <li>Grey sources (1..16 bits, with or without alpha) give grey; samples are rescaled to
 *       0..255 by {@code round(v*255/max)}, so 16-bit {@code v} becomes {@code round(v/257)}.</li>
 *   <li>Colour sources give RGB; alpha is dropped without compositing, as PIL's
 *       {@code convert('RGB')} does. Use {@link #toGrey} for PIL's luminance
 *       ({@code L = (299R + 587G + 114B)/1000}) when a dataset is grey (NIH's few RGBA files).</li>
 *   <li>Palette sources give RGB, or grey when every palette entry is grey.</li>
 * </ul>
 *
 * Pixel values are read from the raster, never through {@code getRGB}: Java would apply a
 * gamma conversion to grey images there and change every value.
 *
 * <p>Decoder warnings (a truncated JPEG is decoded with a grey tail and only a warning) count as
 * failures: a damaged image is never passed on as if it were whole.
 *
 * <p>DICOM files ({@code .dcm}, or any file with {@code DICM} at byte 128) go to
 * {@link DicomReader}. Declared sizes are checked against {@link #MAX_PIXELS} before any pixel
 * buffer exists: a header claiming 46000 x 46000 would otherwise allocate 2 GB before failing.
 */
public final class ImageReader {

    /**
     * The largest image accepted, in pixels: ten times the largest fundus photographs of the five
     * datasets (EyePACS and ODIR go up to about 18 megapixels), far below what exhausts memory.
     */
    public static final long MAX_PIXELS = 200_000_000L;

    private ImageReader() {
    }

    /** Reads {@code file} or stops with an error naming it. */
    public static BufferedImage read(Path file) {
        return read(file, BadImagePolicy.fail()).orElseThrow();
    }

    /**
     * Reads {@code file}. Under {@link BadImagePolicy#fail()} a bad file is an error naming it;
     * under {@link BadImagePolicy#skip()} it is recorded in the policy and the result is empty.
     */
    public static Optional<BufferedImage> read(Path file, BadImagePolicy policy) {
        try {
            return Optional.of(normalise(decode(file)));
        } catch (IOException | RuntimeException e) {
            String reason = reason(e);
            if (policy.skips()) {
                policy.record(file, reason);
                return Optional.empty();
            }
            throw new UserError(file + ": cannot decode image: " + reason, e);
        }
    }

    /**
     * Width and height as the file's header declares them, without decoding pixels.
     *
     * @throws UserError naming the file when the header cannot be read
     */
    public static int[] size(Path file) {
        try {
            if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".dcm")) {
                return DicomReader.size(file);
            }
            try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
                Iterator<javax.imageio.ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
                if (readers == null || !readers.hasNext()) {
                    throw new IOException("not a known image format");
                }
                javax.imageio.ImageReader reader = readers.next();
                try {
                    reader.setInput(in, true, true);
                    return new int[] {reader.getWidth(0), reader.getHeight(0)};
                } finally {
                    reader.dispose();
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new UserError(file + ": cannot read the image's size: " + reason(e), e);
        }
    }

    /** A failure's message, or its class where the message is missing or blank. */
    public static String reason(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static BufferedImage decode(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such file");
        }
        if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".dcm")) {
            return DicomReader.read(file, MAX_PIXELS);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new IOException("cannot open");
            }
            Iterator<javax.imageio.ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                if (DicomReader.isDicom(file)) {
                    return DicomReader.read(file, MAX_PIXELS);
                }
                throw new IOException("not a known image format");
            }
            javax.imageio.ImageReader reader = readers.next();
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((src, msg) -> warnings.add(msg));
            try {
                reader.setInput(in, true, true);
                long w = reader.getWidth(0);
                long h = reader.getHeight(0);
                if (w * h > MAX_PIXELS) {
                    throw new IOException("declares " + w + " x " + h + " pixels, more than the " + MAX_PIXELS
                            + " accepted");
                }
                BufferedImage img = reader.read(0);
                if (!warnings.isEmpty()) {
                    throw new IOException("damaged image: " + warnings.get(0));
                }
                return img;
            } finally {
                reader.dispose();
            }
        }
    }

    /** The file's pixels as 8-bit grey or 8-bit RGB, by the rules in the class comment. */
    public static BufferedImage normalise(BufferedImage src) {
        ColorModel cm = src.getColorModel();
        Raster r = src.getRaster();
        int w = src.getWidth();
        int h = src.getHeight();
        if (cm instanceof IndexColorModel icm) {
            return fromPalette(icm, r, w, h);
        }
        ColorSpace cs = cm.getColorSpace();
        if (cs.getType() == ColorSpace.TYPE_GRAY && cm.getNumColorComponents() == 1) {
            BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            WritableRaster o = out.getRaster();
            int max = (1 << cm.getComponentSize(0)) - 1;
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                r.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    row[x] = scale(row[x], max);
                }
                o.setSamples(0, y, w, 1, 0, row);
            }
            return out;
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        WritableRaster o = out.getRaster();
        if (cs.isCS_sRGB() && cm.getNumColorComponents() == 3) {
            int[] row = new int[w];
            for (int b = 0; b < 3; b++) {
                int max = (1 << cm.getComponentSize(b)) - 1;
                for (int y = 0; y < h; y++) {
                    r.getSamples(0, y, w, 1, b, row);
                    for (int x = 0; x < w; x++) {
                        row[x] = scale(row[x], max);
                    }
                    o.setSamples(0, y, w, 1, b, row);
                }
            }
            return out;
        }
        // Other colour spaces (embedded ICC profiles, CMYK-like): let Java convert to sRGB.
        int[] argb = new int[w];
        for (int y = 0; y < h; y++) {
            src.getRGB(0, y, w, 1, argb, 0, w);
            for (int x = 0; x < w; x++) {
                int p = argb[x];
                o.setSample(x, y, 0, (p >> 16) & 0xff);
                o.setSample(x, y, 1, (p >> 8) & 0xff);
                o.setSample(x, y, 2, p & 0xff);
            }
        }
        return out;
    }

    private static BufferedImage fromPalette(IndexColorModel icm, Raster r, int w, int h) {
        int n = icm.getMapSize();
        boolean grey = true;
        for (int i = 0; i < n && grey; i++) {
            grey = icm.getRed(i) == icm.getGreen(i) && icm.getGreen(i) == icm.getBlue(i);
        }
        BufferedImage out = new BufferedImage(w, h, grey ? BufferedImage.TYPE_BYTE_GRAY
                : BufferedImage.TYPE_3BYTE_BGR);
        WritableRaster o = out.getRaster();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            r.getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                int i = row[x];
                if (grey) {
                    o.setSample(x, y, 0, icm.getRed(i));
                } else {
                    o.setSample(x, y, 0, icm.getRed(i));
                    o.setSample(x, y, 1, icm.getGreen(i));
                    o.setSample(x, y, 2, icm.getBlue(i));
                }
            }
        }
        return out;
    }

    private static int scale(int v, int max) {
        return max == 255 ? v : (int) ((v * 255L + max / 2) / max);
    }

    /**
     * Grey version of a normalised image: unchanged if grey, else PIL's ITU-R 601-2 luminance
     * {@code L = R*299/1000 + G*587/1000 + B*114/1000}, in PIL's fixed-point rounding.
     */
    public static BufferedImage toGrey(BufferedImage img) {
        if (img.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return img;
        }
        int w = img.getWidth();
        int h = img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Raster r = img.getRaster();
        WritableRaster o = out.getRaster();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int red = r.getSample(x, y, 0);
                int green = r.getSample(x, y, 1);
                int blue = r.getSample(x, y, 2);
                o.setSample(x, y, 0, (red * 19595 + green * 38470 + blue * 7471 + 0x8000) >> 16);
            }
        }
        return out;
    }

    /** RGB version of a normalised image: grey is copied into all three channels. */
    public static BufferedImage toRgb(BufferedImage img) {
        if (img.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return img;
        }
        int w = img.getWidth();
        int h = img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Raster r = img.getRaster();
        WritableRaster o = out.getRaster();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = r.getSample(x, y, 0);
                o.setSample(x, y, 0, v);
                o.setSample(x, y, 1, v);
                o.setSample(x, y, 2, v);
            }
        }
        return out;
    }
}
