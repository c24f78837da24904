package io.cobench.data.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.cli.UserError;
import io.cobench.data.BadImagePolicy;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mode conversion as PIL's convert does it: RGBA, 16-bit, palette, grey to RGB. */
class ImageDecoderTest {
    @TempDir
    Path dir;

    private Path write(BufferedImage img, String name) throws IOException {
        Path p = dir.resolve(name);
        assertTrue(ImageIO.write(img, name.substring(name.lastIndexOf('.') + 1), p.toFile()));
        return p;
    }

    @Test
    void rgbaBecomesLumaWithoutAlpha() throws IOException {
        BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_4BYTE_ABGR);
        img.getRaster().setPixel(0, 0, new int[] {200, 100, 50, 10});
        img.getRaster().setPixel(1, 0, new int[] {0, 0, 255, 255});
        ImageU8 g = ImageDecoder.decode("a", write(img, "a.png"), 1);
        // 0.299 R + 0.587 G + 0.114 B, rounded: 124.2 and 29.07
        assertEquals(124, g.get(0, 0, 0));
        assertEquals(29, g.get(0, 1, 0));
        ImageU8 rgb = ImageDecoder.decode("a", dir.resolve("a.png"), 3);
        assertEquals(200, rgb.get(0, 0, 0));
        assertEquals(100, rgb.get(0, 0, 1));
        assertEquals(50, rgb.get(0, 0, 2));
    }

    @Test
    void sixteenBitGreyIsRescaledToEightBits() throws IOException {
        BufferedImage img = new BufferedImage(3, 1, BufferedImage.TYPE_USHORT_GRAY);
        img.getRaster().setSample(0, 0, 0, 65535);
        img.getRaster().setSample(1, 0, 0, 257 * 17);
        img.getRaster().setSample(2, 0, 0, 0);
        ImageU8 g = ImageDecoder.decode("s", write(img, "s.png"), 1);
        assertEquals(255, g.get(0, 0, 0));
        assertEquals(17, g.get(0, 1, 0));
        assertEquals(0, g.get(0, 2, 0));
    }

    @Test
    void paletteIsLookedUpAndGreyIsRepeatedForRgb() throws IOException {
        IndexColorModel palette = new IndexColorModel(1, 2, new byte[] {10, (byte) 250}, new byte[] {20, 0},
                new byte[] {30, (byte) 128});
        BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_BINARY, palette);
        img.getRaster().setSample(1, 0, 0, 1);
        ImageU8 rgb = ImageDecoder.decode("p", write(img, "p.png"), 3);
        assertEquals(10, rgb.get(0, 0, 0));
        assertEquals(20, rgb.get(0, 0, 1));
        assertEquals(30, rgb.get(0, 0, 2));
        assertEquals(250, rgb.get(0, 1, 0));
        assertEquals(0, rgb.get(0, 1, 1));
        assertEquals(128, rgb.get(0, 1, 2));

        BufferedImage grey = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(0, 0, 0, 77);
        ImageU8 g3 = ImageDecoder.decode("g", write(grey, "g.png"), 3);
        assertEquals(77, g3.get(0, 0, 0));
        assertEquals(77, g3.get(0, 0, 1));
        assertEquals(77, g3.get(0, 0, 2));
    }

    @Test
    void undecodableFilesAreNamedInTheErrorOrSkippedAndRecorded() throws IOException {
        Path bad = dir.resolve("broken.png");
        Files.writeString(bad, "not a picture");
        UserError e = assertThrows(UserError.class, () -> ImageDecoder.decode("b", bad, 1));
        assertTrue(e.getMessage().contains("broken.png"), e.getMessage());
        UserError missing = assertThrows(UserError.class, () -> ImageDecoder.decode("m", dir.resolve("missing.png"), 1));
        assertTrue(missing.getMessage().contains("missing.png"), missing.getMessage());
        BadImagePolicy skip = BadImagePolicy.skip();
        assertTrue(ImageDecoder.decode("b", bad, 3, skip).isEmpty());
        assertEquals(bad, skip.skipped().get(0).path());
    }
}
