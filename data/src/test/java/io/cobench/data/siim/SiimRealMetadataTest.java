package io.cobench.data.siim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.data.DatasetIndex;
import io.cobench.data.RealMetadata;
import io.cobench.data.Sample;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SiimRealMetadataTest {

    private static List<String> ids(List<Sample> samples) {
        return samples.stream().map(Sample::id).toList();
    }

    @Test
    void countsOfTheRealMaskFile() {
        Map<String, SiimRleFile.Image> images = SiimRleFile.read(RealMetadata.file("train-rle.csv"));
        assertEquals(12_954, images.values().stream().mapToInt(i -> i.rles().size()).sum());
        assertEquals(12_047, images.size());
        assertEquals(2_669, images.values().stream().filter(SiimRleFile.Image::positive).count());
        assertEquals(9_378, images.values().stream().filter(i -> !i.positive()).count());
        assertEquals(624, images.values().stream().filter(i -> i.rles().size() > 1).count());
        assertEquals(10, images.values().stream().mapToInt(i -> i.rles().size()).max().orElseThrow());
        // Union pixels over all positives; an independent numpy decoder gave the same total.
        long pixels = images.values().stream()
                .mapToLong(i -> SiimRle.unionPixels(i.rles(), SiimRle.SIZE, SiimRle.SIZE)).sum();
        assertEquals(38_250_469L, pixels);
    }

    @Test
    void balancedSplitByImageIdIsStratifiedAndSeeded() {
        DatasetIndex idx = new SiimLoader(42).load(RealMetadata.dir());
        assertEquals(12_047, idx.samples().size());
        assertEquals(12_047, idx.missing().size());
        List<Sample> train = idx.split("train");
        List<Sample> val = idx.split("val");
        // 2,669 positives and 2,669 negatives; round(0.2 * 2,669) = 534 of each in val.
        assertEquals(Map.of("Pneumothorax", 534), idx.labelCounts(val));
        assertEquals(1_068, val.size());
        assertEquals(Map.of("Pneumothorax", 2_135), idx.labelCounts(train));
        assertEquals(4_270, train.size());
        Set<String> trainIds = new HashSet<>();
        train.forEach(s -> trainIds.add(s.id()));
        assertTrue(val.stream().noneMatch(s -> trainIds.contains(s.id())));
        assertEquals(0, idx.sharedPatients().get("train|val"));
        DatasetIndex again = new SiimLoader(42).load(RealMetadata.dir());
        assertEquals(ids(val), ids(again.split("val")));
        DatasetIndex other = new SiimLoader(43).load(RealMetadata.dir());
        assertTrue(!ids(val).equals(ids(other.split("val"))), "seeds 42 and 43 gave the same validation set");
    }
}
