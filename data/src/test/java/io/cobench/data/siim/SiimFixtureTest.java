package io.cobench.data.siim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.cli.UserError;
import io.cobench.data.DatasetIndex;
import io.cobench.data.ImageReader;
import io.cobench.data.Sample;
import io.cobench.data.TestImages;
import io.cobench.data.check.CheckReport;
import io.cobench.data.check.DataCheck;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hand-made SIIM tree in the Kaggle spelling (spaces after commas) and PNG layout. */
class SiimFixtureTest {
    private static final int N = SiimRle.SIZE;

    @TempDir
    Path root;

    /** neg: negative; one: the worked example; two: two regions that overlap in one pixel. */
    private void write() {
        TestImages.text(root.resolve("train-rle.csv"), "ImageId, EncodedPixels\n"
                + "neg, -1\n"
                + "one, 557374 2 1015 8 1009 14\n"
                + "two, 1024 3\n"
                + "two, 1026 2\n");
        TestImages.write(TestImages.grey(8, 8, 1), "png", root.resolve("train/neg.png"));
        TestImages.write(TestImages.grey(8, 8, 2), "png", root.resolve("train/one.png"));
    }

    @Test
    void pngLayoutWithSpacedCsv() {
        write();
        DatasetIndex idx = new SiimLoader(42).load(root);
        assertEquals(List.of("neg", "one", "two"), idx.samples().stream().map(Sample::id).toList());
        assertEquals(Set.of("two"), idx.missing());
        assertEquals(root.resolve("train/one.png"), idx.samples().get(1).image());
        assertEquals(Map.of("Pneumothorax", 2), idx.labelCounts(idx.samples()));
        Map<String, SiimRleFile.Image> masks = SiimLoader.masks(root);
        assertEquals(List.of("1024 3", "1026 2"), masks.get("two").rles());
        byte[] two = SiimRleFile.mask(masks.get("two"));
        // Column 1, rows 0..2 and 2..3: union rows 0..3.
        for (int y = 0; y < 6; y++) {
            assertEquals(y <= 3 ? 1 : 0, two[y * N + 1], "row " + y);
        }
        // Balanced: both positives and the one negative; round(0.2 * 2) = 0 positives and
        // round(0.2 * 1) = 0 negatives in val.
        assertEquals(3, idx.split("train").size());
        assertEquals(0, idx.split("val").size());
    }

    @Test
    void checkCountsAndExportsUnionMasks() {
        write();
        Path out = root.resolve("masks");
        CheckReport r = DataCheck.run("siim", root, new DataCheck.Options(5, null, out));
        assertEquals(new CheckReport.Siim(4, 3, 2, 1, 1, 24 + 4, 0), r.siim());
        assertEquals(new CheckReport.Images(3, 2, 1, List.of("two"), 0, List.of()), r.images());
        assertEquals(3, r.maskExport().written());
        BufferedImage two = ImageReader.read(out.resolve("two.png"));
        assertEquals(N, two.getWidth());
        assertEquals(255, two.getRaster().getSample(1, 3, 0));
        assertEquals(0, two.getRaster().getSample(1, 4, 0));
        assertEquals(0, two.getRaster().getSample(0, 0, 0));
        // "one" is an 8 x 8 PNG, so its mask is 8 x 8: the region's 24 pixels fill 24 of the 128 x 128
        // pixels of block (4, 2), less than half, so the scaled mask is empty.
        BufferedImage one = ImageReader.read(out.resolve("one.png"));
        assertEquals(8, one.getWidth());
        assertEquals(8, one.getHeight());
        assertEquals(0, java.util.Arrays.stream(one.getRaster().getSamples(0, 0, 8, 8, 0, (int[]) null)).sum());
        BufferedImage neg = ImageReader.read(out.resolve("neg.png"));
        int[] px = neg.getRaster().getSamples(0, 0, 8, 8, 0, (int[]) null);
        assertEquals(0, java.util.Arrays.stream(px).sum());
    }

    @Test
    void badRowsNameFileAndLine() {
        Path f = TestImages.text(root.resolve("train-rle.csv"), "ImageId, EncodedPixels\na, -1\na, 5 3\n");
        UserError mixed = assertThrows(UserError.class, () -> SiimRleFile.read(f));
        assertEquals(f + ":3: image a has an empty-mask row (-1) and another row (first at line 2)", mixed.getMessage());
        Path g = TestImages.text(root.resolve("g.csv"), "ImageId, EncodedPixels\nb, 1048570 10\n");
        UserError past = assertThrows(UserError.class, () -> SiimRleFile.read(g));
        assertEquals(g + ":2: bad EncodedPixels for b: run 1 ends at pixel 1048580, past the image's 1048576",
                past.getMessage());
        Path h = TestImages.text(root.resolve("h.csv"), "ImageId,Pixels\nb,-1\n");
        UserError col = assertThrows(UserError.class, () -> SiimRleFile.read(h));
        assertEquals(h + ": missing column 'EncodedPixels'; columns found: [ImageId, Pixels]", col.getMessage());
    }
}
