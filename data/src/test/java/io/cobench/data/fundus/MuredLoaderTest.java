package io.cobench.data.fundus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cobench.cli.UserError;
import io.cobench.data.DatasetIndex;
import io.cobench.data.ImageReader;
import io.cobench.data.Sample;
import io.cobench.data.TestImages;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MuredLoaderTest {
    static final String HEADER = "ID,DR,NORMAL,MH,ODC,TSLN,ARMD,DN,MYA,BRVO,ODP,CRVO,CNV,RS,ODE,LS,CSR,HTR,ASR,CRS,OTHER\n";

    @TempDir
    Path root;

    private static String row(String id, int... on) {
        int[] v = new int[20];
        for (int i : on) {
            v[i] = 1;
        }
        StringBuilder b = new StringBuilder(id);
        for (int x : v) {
            b.append(',').append(x);
        }
        return b.append('\n').toString();
    }

    @Test
    void stringIdsAndExtensionProbeOrder() {
        Path images = root.resolve("images/images");
        TestImages.write(TestImages.rgb(6, 6, 1), "png", images.resolve("4.png"));
        TestImages.write(TestImages.rgb(6, 6, 9), "jpg", images.resolve("4.jpg"));
        TestImages.write(TestImages.rgb(6, 6, 2), "tif", images.resolve("im0007.tif"));
        TestImages.write(TestImages.rgb(6, 6, 3), "jpg", images.resolve("0980.jpg"));
        TestImages.write(TestImages.rgb(6, 6, 4), "png", images.resolve("555.png")); // unlabelled
        TestImages.text(root.resolve("train_data.csv"), HEADER + row("4", 0, 19) + row("im0007", 1) + row("0980", 5));
        TestImages.text(root.resolve("val_data.csv"), HEADER + row("1096", 2));
        DatasetIndex idx = new MuredLoader().load(root);
        assertEquals(List.of("4", "im0007", "0980", "1096"), idx.samples().stream().map(Sample::id).toList());
        assertEquals(images.resolve("4.png"), idx.samples().get(0).image());
        assertEquals(images.resolve("im0007.tif"), idx.samples().get(1).image());
        assertEquals(images.resolve("0980.jpg"), idx.samples().get(2).image());
        assertEquals(Set.of("1096"), idx.missing());
        assertEquals(3, idx.split("train").size());
        assertEquals(1, idx.split("val").size());
        assertEquals(1, idx.labelCounts(idx.samples()).get("OTHER"));
        assertEquals(1, idx.labelCounts(idx.split("val")).get("MH"));
        assertEquals(6, ImageReader.read(idx.samples().get(1).image()).getWidth());
    }

    @Test
    void anIdInBothFilesIsAnError() {
        TestImages.text(root.resolve("train_data.csv"), HEADER + row("4", 0));
        Path val = TestImages.text(root.resolve("val_data.csv"), HEADER + row("4", 1));
        UserError e = assertThrows(UserError.class, () -> new MuredLoader().load(root));
        assertEquals(val + ":2: ID 4 already listed at train_data.csv:2", e.getMessage());
    }

    @Test
    void aLabelOtherThanZeroOrOneNamesTheLineAndClass() {
        Path train = TestImages.text(root.resolve("train_data.csv"),
                HEADER + row("4", 0) + row("5", 1).replace("5,0,1", "5,0,2"));
        TestImages.text(root.resolve("val_data.csv"), HEADER);
        UserError e = assertThrows(UserError.class, () -> new MuredLoader().load(root));
        assertEquals(train + ":3: NORMAL = '2', expected 0 or 1", e.getMessage());
    }
}
