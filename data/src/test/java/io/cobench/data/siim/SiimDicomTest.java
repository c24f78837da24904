package io.cobench.data.siim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.cli.Cobench;
import io.cobench.data.DatasetIndex;
import io.cobench.data.Sample;
import io.cobench.data.TestImages;
import io.cobench.data.check.CheckReport;
import io.cobench.data.check.DataCheck;
import io.cobench.data.dicom.TestDicom;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A DICOM-only SIIM folder in the Kaggle layout: one uncompressed MONOCHROME2, one JPEG Baseline
 * and one uncompressed MONOCHROME1 image, in study/series folders.
 */
class SiimDicomTest {
    private static final String NATIVE = "1.2.276.0.7230010.3.1.4.8323329.1";
    private static final String JPEG = "1.2.276.0.7230010.3.1.4.8323329.2";
    private static final String MONO1 = "1.2.276.0.7230010.3.1.4.8323329.3";
    private static final int W = 48;
    private static final int H = 40;

    @TempDir
    Path tmp;

    private static byte[] picture(long seed) {
        Random r = new Random(seed);
        byte[] p = new byte[W * H];
        for (int i = 0; i < p.length; i++) {
            p[i] = (byte) ((i % W) * 5 + r.nextInt(12));
        }
        return p;
    }

    private Path root;
    private byte[] nativePixels;
    private byte[] jpegStream;
    private byte[] mono1Pixels;

    private void write() throws IOException {
        root = tmp.resolve("siim");
        TestImages.text(root.resolve("train-rle.csv"), "ImageId, EncodedPixels\n"
                + NATIVE + ", -1\n" + JPEG + ", 557374 2 1015 8 1009 14\n" + MONO1 + ", -1\n");
        Path dicom = root.resolve("dicom-images-train");
        nativePixels = picture(1);
        TestDicom.writeNative(dicom.resolve("1.2.3/1.2.4/" + NATIVE + ".dcm"), NATIVE, W, H, nativePixels,
                "MONOCHROME2");
        jpegStream = TestDicom.writeJpeg(dicom.resolve("1.2.5/1.2.6/" + JPEG + ".dcm"), JPEG, W, H, picture(2),
                "MONOCHROME2", 0.9f);
        mono1Pixels = picture(3);
        TestDicom.writeNative(dicom.resolve("1.2.7/1.2.8/" + MONO1 + ".dcm"), MONO1, W, H, mono1Pixels,
                "MONOCHROME1");
    }

    private static byte[] grey(BufferedImage img) {
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, img.getType());
        return ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
    }

    @Test
    void loaderAndCheckAcceptADicomOnlyFolder() throws IOException {
        write();
        DatasetIndex idx = new SiimLoader(42).load(tmp);
        assertEquals(List.of(), List.copyOf(idx.missing()));
        assertEquals(List.of(NATIVE, JPEG, MONO1), idx.samples().stream().map(Sample::id).toList());
        assertTrue(idx.samples().get(1).image().endsWith("1.2.5/1.2.6/" + JPEG + ".dcm"));
        CheckReport r = DataCheck.run("siim", tmp, new DataCheck.Options(5, null, null));
        assertEquals(new CheckReport.Images(3, 3, 0, List.of(), 0, List.of()), r.images());
        assertEquals(Map.of("Pneumothorax", 1), r.labelCounts());
    }

    @Test
    void dataCheckCommandAcceptsTheDicomFolder() throws IOException {
        write();
        StringWriter text = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Cobench.commandLine();
        cl.setOut(new PrintWriter(text));
        cl.setErr(new PrintWriter(err));
        assertEquals(0, cl.execute("data", "check", "siim", "--root", root.toString(), "--no-progress"), err.toString());
        assertTrue(text.toString().contains("images: 3 listed, 3 found, 0 missing"), text.toString());
        assertTrue(text.toString().contains("decoded: 0 of 3 found images unreadable"), text.toString());
        assertEquals("warning: --root is deprecated; use --data-root\n", err.toString());
    }

    @Test
    void convertWritesPngsEqualToIndependentlyDecodedPixels() throws IOException {
        write();
        Path out = tmp.resolve("png");
        StringWriter text = new StringWriter();
        CommandLine cl = Cobench.commandLine();
        cl.setOut(new PrintWriter(text));
        int code = cl.execute("data", "convert", "siim", "--data-root", root.toString(), "--out", out.toString(),
                "--no-progress", "--threads", "2");
        assertEquals(0, code, text.toString());
        assertTrue(text.toString().startsWith("converted 3 images to " + out.resolve("train")), text.toString());
        // Uncompressed: exactly the stored bytes, read back by ImageIO's PNG decoder.
        assertArrayEquals(nativePixels, grey(ImageIO.read(out.resolve("train/" + NATIVE + ".png").toFile())));
        // MONOCHROME1: exactly 255 minus the stored bytes.
        byte[] m1 = grey(ImageIO.read(out.resolve("train/" + MONO1 + ".png").toFile()));
        for (int i = 0; i < m1.length; i++) {
            assertEquals(255 - (mono1Pixels[i] & 0xFF), m1[i] & 0xFF, "pixel " + i);
        }
        // JPEG Baseline: within 2 grey levels of the embedded stream decoded on its own.
        byte[] independent = grey(ImageIO.read(new ByteArrayInputStream(jpegStream)));
        byte[] jp = grey(ImageIO.read(out.resolve("train/" + JPEG + ".png").toFile()));
        assertEquals(independent.length, jp.length);
        for (int i = 0; i < jp.length; i++) {
            assertTrue(Math.abs((jp[i] & 0xFF) - (independent[i] & 0xFF)) <= 2, "pixel " + i);
        }
        assertArrayEquals(Files.readAllBytes(root.resolve("train-rle.csv")),
                Files.readAllBytes(out.resolve("train-rle.csv")));
        // The output is a SIIM folder in the PNG layout.
        DatasetIndex png = new SiimLoader(42).load(out);
        assertEquals(out.resolve("train/" + JPEG + ".png"), png.samples().get(1).image());
        assertTrue(png.missing().isEmpty());
    }

    @Test
    void convertHelpAndOtherDatasets() {
        StringWriter text = new StringWriter();
        CommandLine cl = Cobench.commandLine();
        cl.setOut(new PrintWriter(text));
        assertEquals(0, cl.execute("data", "convert", "--help"));
        assertTrue(text.toString().contains("--out=DIR"), text.toString());
        StringWriter err = new StringWriter();
        CommandLine c2 = Cobench.commandLine();
        c2.setErr(new PrintWriter(err));
        assertEquals(2, c2.execute("data", "convert", "nih", "--data-root", tmp.toString(), "--out", tmp.toString()));
        assertTrue(err.toString().contains("data convert handles siim only"), err.toString());
    }
}
