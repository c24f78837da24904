package io.cobench.data.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.cli.UserError;
import io.cobench.data.ImageReader;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DicomReaderTest {

    @TempDir
    Path tmp;

    /** A picture with every grey level, edges and noise, so an offset or transposition shows. */
    static byte[] picture(int w, int h, long seed) {
        Random r = new Random(seed);
        byte[] p = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = (x * 255 / (w - 1) + (y < h / 2 ? 0 : 40) + r.nextInt(9)) % 256;
                p[y * w + x] = (byte) v;
            }
        }
        return p;
    }

    static byte[] pixels(BufferedImage img) {
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, img.getType());
        return ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    }

    @Test
    void uncompressedMonochrome2IsTheStoredValues() throws IOException {
        // 37 x 23: odd width and odd pixel count, so row padding and the even-length pad show up.
        byte[] stored = picture(37, 23, 1);
        Path f = tmp.resolve("a.dcm");
        TestDicom.writeNative(f, "1.2.3.1", 37, 23, stored, "MONOCHROME2");
        BufferedImage img = ImageReader.read(f);
        assertEquals(37, img.getWidth());
        assertEquals(23, img.getHeight());
        assertArrayEquals(stored, pixels(img));
    }

    @Test
    void uncompressedMonochrome1IsInverted() throws IOException {
        byte[] stored = picture(40, 30, 2);
        Path f = tmp.resolve("m1.dcm");
        TestDicom.writeNative(f, "1.2.3.2", 40, 30, stored, "MONOCHROME1");
        byte[] got = pixels(ImageReader.read(f));
        for (int i = 0; i < stored.length; i++) {
            assertEquals(255 - (stored[i] & 0xFF), got[i] & 0xFF, "pixel " + i);
        }
    }

    @Test
    void jpegBaselineMatchesAnIndependentDecodeOfTheEmbeddedStream() throws IOException {
        byte[] stored = picture(64, 48, 3);
        Path f = tmp.resolve("j.dcm");
        byte[] stream = TestDicom.writeJpeg(f, "1.2.3.3", 64, 48, stored, "MONOCHROME2", 0.9f);
        byte[] independent = pixels(ImageIO.read(new ByteArrayInputStream(stream)));
        byte[] got = pixels(ImageReader.read(f));
        assertEquals(independent.length, got.length);
        int worst = 0;
        for (int i = 0; i < got.length; i++) {
            worst = Math.max(worst, Math.abs((got[i] & 0xFF) - (independent[i] & 0xFF)));
        }
        assertTrue(worst <= 2, "largest difference " + worst);
        // And the picture is the one stored, not some other decoded stream: lossy, but close.
        long err = 0;
        for (int i = 0; i < got.length; i++) {
            err += Math.abs((got[i] & 0xFF) - (stored[i] & 0xFF));
        }
        assertTrue(err / (double) got.length < 8, "mean error against the source " + err / (double) got.length);
    }

    @Test
    void jpegMonochrome1IsInverted() throws IOException {
        byte[] stored = picture(32, 32, 4);
        Path f = tmp.resolve("j1.dcm");
        byte[] stream = TestDicom.writeJpeg(f, "1.2.3.4", 32, 32, stored, "MONOCHROME1", 0.95f);
        byte[] independent = pixels(ImageIO.read(new ByteArrayInputStream(stream)));
        byte[] got = pixels(ImageReader.read(f));
        for (int i = 0; i < got.length; i++) {
            assertTrue(Math.abs((got[i] & 0xFF) - (255 - (independent[i] & 0xFF))) <= 2, "pixel " + i);
        }
    }

    @Test
    void unsupportedAndDamagedFilesNameTheFileAndTheReason() throws IOException {
        Path lossless = tmp.resolve("l.dcm");
        byte[] stored = picture(16, 16, 5);
        TestDicom.writeJpeg(lossless, "1.2.3.5", 16, 16, stored, "MONOCHROME2", 0.9f);
        byte[] b = Files.readAllBytes(lossless);
        String s = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.70");
        Files.write(lossless, s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        UserError e = assertThrows(UserError.class, () -> ImageReader.read(lossless));
        assertTrue(e.getMessage().startsWith(lossless + ": cannot decode image: "), e.getMessage());
        assertTrue(e.getMessage().contains("1.2.840.10008.1.2.4.70"), e.getMessage());

        Path truncated = tmp.resolve("t.dcm");
        TestDicom.writeJpeg(truncated, "1.2.3.6", 16, 16, stored, "MONOCHROME2", 0.9f);
        byte[] whole = Files.readAllBytes(truncated);
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length - 40));
        UserError t = assertThrows(UserError.class, () -> ImageReader.read(truncated));
        assertTrue(t.getMessage().startsWith(truncated.toString()), t.getMessage());

        Path html = tmp.resolve("h.dcm");
        Files.writeString(html, "<html><body>Access denied</body></html>");
        UserError h = assertThrows(UserError.class, () -> ImageReader.read(html));
        assertTrue(h.getMessage().contains("no 'DICM' at byte 128"), h.getMessage());
    }

    @Test
    void aHugeDeclaredSizeIsRefusedBeforeDecoding() throws IOException {
        Path f = tmp.resolve("big.dcm");
        TestDicom.writeNative(f, "1.2.3.7", 4, 4, new byte[16], "MONOCHROME2");
        byte[] b = Files.readAllBytes(f);
        // Rows and Columns are US values: 65535 x 65535 is 4.3 gigapixels.
        String s = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
        int rows = s.indexOf("\u0028\u0000\u0010\u0000US");
        int cols = s.indexOf("\u0028\u0000\u0011\u0000US");
        b[rows + 8] = b[rows + 9] = b[cols + 8] = b[cols + 9] = (byte) 0xFF;
        Files.write(f, b);
        UserError e = assertThrows(UserError.class, () -> ImageReader.read(f));
        assertTrue(e.getMessage().contains("declares 65535 x 65535 pixels"), e.getMessage());
    }
}
