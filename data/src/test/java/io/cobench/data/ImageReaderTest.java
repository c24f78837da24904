package io.cobench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.cli.UserError;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageReaderTest {

    @TempDir
    Path tmp;

    @Test
    void greyPngKeepsEveryValue() {
        Path f = TestImages.write(TestImages.grey(7, 5, 100), "png", tmp.resolve("g.png"));
        BufferedImage img = ImageReader.read(f);
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, img.getType());
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 7; x++) {
                assertEquals((x + 2 * y + 100) % 256, img.getRaster().getSample(x, y, 0));
            }
        }
    }

    @Test
    void rgbaDropsAlphaAndLuminanceFollowsPil() {
        BufferedImage src = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        src.setRGB(0, 0, 0x10C86432); // alpha 0x10, RGB (200, 100, 50)
        src.setRGB(1, 0, 0xFF808080);
        Path f = TestImages.write(src, "png", tmp.resolve("rgba.png"));
        BufferedImage rgb = ImageReader.read(f);
        assertEquals(BufferedImage.TYPE_3BYTE_BGR, rgb.getType());
        assertArrayEquals(new int[] {200, 100, 50}, rgb.getRaster().getPixel(0, 0, (int[]) null));
        BufferedImage grey = ImageReader.toGrey(rgb);
        // PIL: 200*0.299 + 100*0.587 + 50*0.114 = 124.2 -> 124; a neutral grey stays itself.
        assertEquals(124, grey.getRaster().getSample(0, 0, 0));
        assertEquals(128, grey.getRaster().getSample(1, 0, 0));
    }

    @Test
    void sixteenBitGreyIsScaledTo8Bit() {
        BufferedImage src = new BufferedImage(4, 1, BufferedImage.TYPE_USHORT_GRAY);
        int[] values = {0, 257 * 3, 65535, 1000};
        for (int x = 0; x < 4; x++) {
            src.getRaster().setSample(x, 0, 0, values[x]);
        }
        BufferedImage img = ImageReader.read(TestImages.write(src, "png", tmp.resolve("16.png")));
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, img.getType());
        // round(v * 255 / 65535): 1000 -> 3.89 -> 4
        assertArrayEquals(new int[] {0, 3, 255, 4}, img.getRaster().getSamples(0, 0, 4, 1, 0, (int[]) null));
    }

    @Test
    void paletteBecomesRgbOrGreyByItsEntries() {
        byte[] r = {(byte) 255, 0};
        byte[] g = {0, (byte) 128};
        byte[] b = {0, (byte) 255};
        BufferedImage pal = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 2, r, g, b));
        pal.getRaster().setSample(0, 0, 0, 1);
        pal.getRaster().setSample(1, 0, 0, 0);
        BufferedImage img = ImageReader.read(TestImages.write(pal, "png", tmp.resolve("pal.png")));
        assertEquals(BufferedImage.TYPE_3BYTE_BGR, img.getType());
        assertArrayEquals(new int[] {0, 128, 255}, img.getRaster().getPixel(0, 0, (int[]) null));
        assertArrayEquals(new int[] {255, 0, 0}, img.getRaster().getPixel(1, 0, (int[]) null));

        byte[] grey = {10, (byte) 200};
        BufferedImage gp = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(8, 2, grey, grey, grey));
        gp.getRaster().setSample(0, 0, 0, 1);
        BufferedImage gi = ImageReader.read(TestImages.write(gp, "png", tmp.resolve("gp.png")));
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, gi.getType());
        assertEquals(200, gi.getRaster().getSample(0, 0, 0));
        assertEquals(10, gi.getRaster().getSample(1, 0, 0));
    }

    @Test
    void tiffAndJpegDecode() {
        BufferedImage tif = ImageReader.read(TestImages.write(TestImages.rgb(6, 4, 7), "tif", tmp.resolve("a.tif")));
        assertArrayEquals(new int[] {50, 30, 7}, tif.getRaster().getPixel(5, 3, (int[]) null));
        BufferedImage jpg = ImageReader.read(TestImages.write(TestImages.rgb(16, 16, 7), "jpg", tmp.resolve("a.jpg")));
        assertEquals(BufferedImage.TYPE_3BYTE_BGR, jpg.getType());
        assertEquals(16, jpg.getWidth());
    }

    @Test
    void truncatedPngStopsWithItsPath() throws IOException {
        Path f = truncated("png", "cut.png");
        UserError e = assertThrows(UserError.class, () -> ImageReader.read(f));
        assertTrue(e.getMessage().startsWith(f.toString() + ": cannot decode image"), e.getMessage());
    }

    @Test
    void truncatedJpegStopsWithItsPath() throws IOException {
        Path f = truncated("jpg", "cut.jpg");
        UserError e = assertThrows(UserError.class, () -> ImageReader.read(f, BadImagePolicy.fail()));
        assertTrue(e.getMessage().startsWith(f.toString() + ": cannot decode image"), e.getMessage());
    }

    @Test
    void skipPolicyRecordsBadImagesAndGoesOn() throws IOException {
        Path bad = truncated("png", "cut.png");
        Path text = TestImages.text(tmp.resolve("not-an-image.png"), "hello");
        Path good = TestImages.write(TestImages.grey(3, 3, 0), "png", tmp.resolve("ok.png"));
        BadImagePolicy skip = BadImagePolicy.skip();
        assertEquals(Optional.empty(), ImageReader.read(bad, skip));
        assertTrue(ImageReader.read(good, skip).isPresent());
        assertEquals(Optional.empty(), ImageReader.read(text, skip));
        assertEquals(Optional.empty(), ImageReader.read(tmp.resolve("absent.png"), skip));
        List<Path> skipped = skip.skipped().stream().map(BadImagePolicy.Skipped::path).toList();
        assertEquals(List.of(bad, text, tmp.resolve("absent.png")), skipped);
    }

    @Test
    void policyParsesOnlyFailOrSkip() {
        assertTrue(BadImagePolicy.parse("skip").skips());
        assertEquals("fail", BadImagePolicy.parse("FAIL").toString());
        UserError e = assertThrows(UserError.class, () -> BadImagePolicy.parse("ignore"));
        assertTrue(e.getMessage().contains("'ignore'"));
    }

    /** A larger noisy image cut to 60% of its bytes, so the decoder runs out mid-stream. */
    private Path truncated(String format, String name) throws IOException {
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_3BYTE_BGR);
        java.util.Random rnd = new java.util.Random(1);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                img.setRGB(x, y, rnd.nextInt(0xFFFFFF));
            }
        }
        Path full = TestImages.write(img, format, tmp.resolve("full-" + name));
        byte[] bytes = Files.readAllBytes(full);
        return Files.write(tmp.resolve(name), Arrays.copyOf(bytes, bytes.length * 6 / 10));
    }
}
