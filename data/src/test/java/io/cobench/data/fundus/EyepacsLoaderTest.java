package io.cobench.data.fundus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cobench.cli.UserError;
import io.cobench.data.DatasetIndex;
import io.cobench.data.TestImages;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EyepacsLoaderTest {

    @TempDir
    Path root;

    @Test
    void labelsAndJpegsInTheKaggleLayout() {
        TestImages.text(root.resolve("trainLabels.csv"), "image,level\n10_left,0\n10_right,2\n13_left,4\n");
        TestImages.write(TestImages.rgb(8, 8, 1), "jpeg", root.resolve("train/10_left.jpeg"));
        TestImages.write(TestImages.rgb(8, 8, 2), "jpeg", root.resolve("train/10_right.jpeg"));
        DatasetIndex idx = new EyepacsLoader().load(root);
        assertEquals(3, idx.samples().size());
        assertEquals(Set.of("13_left"), idx.missing());
        assertArrayEquals(new float[] {0, 0, 1, 0, 0}, idx.samples().get(1).labels());
        assertEquals("10", idx.samples().get(1).patient());
        assertEquals(root.resolve("train/10_right.jpeg"), idx.samples().get(1).image());
        assertEquals(Map.of("level0", 1, "level1", 0, "level2", 1, "level3", 0, "level4", 1),
                idx.labelCounts(idx.samples()));
        assertEquals(3, idx.split("train").size());
    }

    @Test
    void gradeOutsideZeroToFourNamesTheLine() {
        Path f = TestImages.text(root.resolve("trainLabels.csv"), "image,level\n10_left,0\n10_right,5\n");
        UserError e = assertThrows(UserError.class, () -> new EyepacsLoader().load(root));
        assertEquals(f + ":3: level '5' is not an integer 0..4", e.getMessage());
    }
}
