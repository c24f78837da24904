package io.cobench.benchmark.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.benchmark.data.CachedSplit;
import io.cobench.cli.UserError;
import io.cobench.data.Sample;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Evaluation reads SIIM codes in the 1024 frame, whatever the PNG's size, as data check does. */
class SiimMaskFrameTest {
    @TempDir
    Path root;

    @Test
    void aCodeInThe1024FrameIsScaledToTheCacheNotReadInThePngsFrame() throws IOException {
        // Columns 512..767, every row: pixels 512*1024 .. 768*1024 - 1 in column-major order.
        Files.writeString(root.resolve("train-rle.csv"), "ImageId, EncodedPixels\nband, 524288 262144\n");
        Path png = root.resolve("train/band.png");
        Files.createDirectories(png.getParent());
        ImageIO.write(new BufferedImage(256, 256, BufferedImage.TYPE_BYTE_GRAY), "png", png.toFile());
        CachedSplit.MaskSource masks = StoreData.siimMasks(root);
        float[] m = masks.mask(new Sample("band", png, "band", new float[] {1f}), 64);
        // At 64 px each column is 16 frame columns wide: columns 32..47 are the band.
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                assertEquals(x >= 32 && x < 48 ? 1f : 0f, m[y * 64 + x], "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void aCodePastTheFrameNamesFileLineAndImageId() throws IOException {
        Path csv = root.resolve("train-rle.csv");
        Files.writeString(csv, "ImageId, EncodedPixels\nok, -1\nbad, 1048570 10\n");
        UserError e = assertThrows(UserError.class, () -> StoreData.siimMasks(root));
        assertTrue(e.getMessage().startsWith(csv + ":3: bad EncodedPixels for bad:"), e.getMessage());
    }
}
