package io.cobench.data.dicom;

import ij.ImagePlus;
import ij.plugin.DICOM;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;
import ij.util.DicomTools;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads a single-frame, 8-bit, one-sample DICOM image (SIIM-ACR's form) into an 8-bit grey
 * picture. MONOCHROME1 (0 is white) is inverted to {@code 255 - v}, so every picture shows air as
 * black, as MONOCHROME2 and the PNG conversions do.
 *
 * <ul>
 *   <li>Native (uncompressed) transfer syntaxes: ImageJ 1.x decodes the pixels. It reads implicit
 *       and explicit VR, either byte order.</li>
 *   <li>JPEG Baseline (1.2.840.10008.1.2.4.50, the Kaggle release of SIIM): ImageJ 1.54 refuses every
 *       compressed syntax, so the fragments are joined here ({@link DicomHeader}) and ImageIO's
 *       JPEG decoder reads them.</li>
 *   <li>Everything else (JPEG Lossless, JPEG 2000, RLE, 12/16-bit, colour, multi-frame) is an error
 *       naming what the file holds; SIIM has none of these.</li>
 * </ul>
 */
public final class DicomReader {

    /** Larger files are refused before they are read into memory (a SIIM file is 0.1 to 1 MB). */
    static final long MAX_FILE_BYTES = 512L << 20;

    /** ImageJ's DICOM decoder keeps a static buffer, so only one thread may use it at a time. */
    private static final Object IMAGEJ = new Object();

    private DicomReader() {
    }

    /** True for a {@code .dcm} name or a file with DICOM's {@code DICM} marker at byte 128. */
    public static boolean isDicom(Path file) {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".dcm")) {
            return true;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(132);
            return head.length == 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M';
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Decodes {@code file}.
     *
     * @param maxPixels declared sizes above this are refused before any pixel buffer is made
     * @throws IOException naming what is wrong with the file (the caller adds the file name)
     */
    public static BufferedImage read(Path file, long maxPixels) throws IOException {
        long bytes = Files.size(file);
        if (bytes > MAX_FILE_BYTES) {
            throw new IOException("DICOM file of " + bytes + " bytes is larger than the " + MAX_FILE_BYTES
                    + " accepted");
        }
        byte[] data = Files.readAllBytes(file);
        DicomHeader h = DicomHeader.parse(data);
        if ((long) h.rows() * h.columns() > maxPixels) {
            throw new IOException("declares " + h.columns() + " x " + h.rows() + " pixels, more than the "
                    + maxPixels + " accepted");
        }
        if (h.encapsulated()) {
            return jpeg(h);
        }
        return nativePixels(file, h);
    }

    /** Columns and rows from the header (explicit VR little endian files; SIIM's are). */
    public static int[] size(Path file) throws IOException {
        DicomHeader h = DicomHeader.parse(Files.readAllBytes(file));
        if (h.rows() == 0 || h.columns() == 0) {
            BufferedImage img = read(file, Long.MAX_VALUE);
            return new int[] {img.getWidth(), img.getHeight()};
        }
        return new int[] {h.columns(), h.rows()};
    }

    private static BufferedImage jpeg(DicomHeader h) throws IOException {
        if (!DicomHeader.JPEG_BASELINE.equals(h.transferSyntax())) {
            throw new IOException("compressed with transfer syntax " + h.transferSyntax()
                    + "; cobench decodes uncompressed DICOM and JPEG Baseline (" + DicomHeader.JPEG_BASELINE + ") only");
        }
        checkForm(h.samplesPerPixel(), h.bitsAllocated(), h.frames());
        if (h.firstFrame() == null || h.firstFrame().length == 0) {
            throw new IOException("no encapsulated pixel data");
        }
        BufferedImage img = decodeJpeg(h.firstFrame());
        if (img.getWidth() != h.columns() || img.getHeight() != h.rows()) {
            throw new IOException("JPEG stream is " + img.getWidth() + " x " + img.getHeight() + " but the header says "
                    + h.columns() + " x " + h.rows());
        }
        if (img.getRaster().getNumBands() != 1 || img.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            throw new IOException("JPEG stream is not 8-bit greyscale");
        }
        return photometric(img, h.photometric());
    }

    /** Decodes a JPEG stream, treating decoder warnings (a truncated stream) as failures. */
    static BufferedImage decodeJpeg(byte[] stream) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(stream))) {
            Iterator<javax.imageio.ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
            javax.imageio.ImageReader reader = readers.next();
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((src, msg) -> warnings.add(msg));
            try {
                reader.setInput(in, true, true);
                BufferedImage img = reader.read(0);
                if (!warnings.isEmpty()) {
                    throw new IOException("damaged JPEG pixel data: " + warnings.get(0));
                }
                return img;
            } finally {
                reader.dispose();
            }
        }
    }

    private static BufferedImage nativePixels(Path file, DicomHeader h) throws IOException {
        ImagePlus imp;
        String photometric;
        synchronized (IMAGEJ) {
            DICOM dicom = new DICOM();
            dicom.open(file.toAbsolutePath().toString());
            if (dicom.getWidth() == 0 || dicom.getProcessor() == null) {
                throw new IOException("ImageJ could not decode this DICOM file's pixel data (transfer syntax "
                        + h.transferSyntax() + ")");
            }
            imp = dicom;
            photometric = tag(dicom, "0028,0004");
        }
        if (imp.getStackSize() != 1) {
            throw new IOException("holds " + imp.getStackSize() + " frames; cobench reads single-frame images");
        }
        ImageProcessor ip = imp.getProcessor();
        if (!(ip instanceof ByteProcessor)) {
            throw new IOException("holds " + imp.getBitDepth() + "-bit pixels; cobench reads 8-bit greyscale DICOM"
                    + " (SIIM-ACR's form)");
        }
        int w = ip.getWidth();
        int hgt = ip.getHeight();
        BufferedImage out = new BufferedImage(w, hgt, BufferedImage.TYPE_BYTE_GRAY);
        byte[] dst = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        System.arraycopy((byte[]) ip.getPixels(), 0, dst, 0, w * hgt);
        return photometric(out, photometric);
    }

    private static String tag(ImagePlus imp, String tag) {
        String v = DicomTools.getTag(imp, tag);
        return v == null ? "" : v.strip();
    }

    private static void checkForm(int samples, int bits, int frames) throws IOException {
        if (samples != 1) {
            throw new IOException("has " + samples + " samples per pixel; cobench reads greyscale DICOM only");
        }
        if (bits != 8) {
            throw new IOException("holds " + bits + "-bit pixels; cobench reads 8-bit greyscale DICOM (SIIM-ACR's form)");
        }
        if (frames != 1) {
            throw new IOException("holds " + frames + " frames; cobench reads single-frame images");
        }
    }

    /** MONOCHROME2 unchanged, MONOCHROME1 inverted; other interpretations are refused. */
    private static BufferedImage photometric(BufferedImage img, String photometric) throws IOException {
        if ("MONOCHROME2".equals(photometric)) {
            return img;
        }
        if (!"MONOCHROME1".equals(photometric)) {
            throw new IOException("photometric interpretation '" + photometric + "'; cobench reads MONOCHROME1 and"
                    + " MONOCHROME2 only");
        }
        byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (255 - (px[i] & 0xFF));
        }
        return img;
    }
}
