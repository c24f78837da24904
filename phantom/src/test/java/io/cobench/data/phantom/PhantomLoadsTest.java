package io.cobench.data.phantom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.data.DatasetIndex;
import io.cobench.data.Datasets;
import io.cobench.data.loaders.Loaders;
import io.cobench.data.Sample;
import io.cobench.data.pipeline.ImageCache;
import io.cobench.data.siim.SiimLoader;
import io.cobench.data.siim.SiimRle;
import io.cobench.data.siim.SiimRleFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real loaders read every phantom as they read the real data: one code path for both. */
class PhantomLoadsTest {
    private static final int SIZE = 40;
    @TempDir
    static Path root;
    private static Map<String, Integer> images;

    @BeforeAll
    static void generate() {
        images = PhantomGenerator.generate(PhantomConfig.defaults(root).withSize(SIZE).withCount(40).withSeed(8)
                .withThreads(2), false);
    }

    @Test
    void everyDatasetLoadsWithNoMissingImagesAndCaches() {
        Map<String, Integer> labelled = Map.of("nih", 40, "siim", 20, "eyepacs", 20, "mured", 20,
                "odir", images.get("odir"));
        for (String name : Datasets.NAMES) {
            DatasetIndex index = Loaders.forName(name).load(root.resolve(name));
            assertEquals(labelled.get(name), index.samples().size(), name);
            assertEquals(0, index.missing().size(), name + " missing " + index.missing());
            ImageCache cache = ImageCache.open(root.resolve("cache-" + name + ".u8"),
                    ImageCache.Source.of(index.found()), ImageCache.Spec.of(16, name.equals("nih") || name.equals("siim")
                            ? 1 : 3));
            assertEquals(index.samples().size(), cache.count(), name);
        }
    }

    @Test
    void nihLabelsAreThePlannedFindings() {
        DatasetIndex index = Loaders.forName("nih").load(root.resolve("nih"));
        Map<String, NihPlan.Image> plan = new java.util.HashMap<>();
        NihPlan.plan(8, 40).forEach(im -> plan.put(im.file(), im));
        int noFinding = index.classIndex("No Finding");
        for (Sample s : index.samples()) {
            NihPlan.Image im = plan.get(s.id());
            assertEquals(Integer.toString(im.patient()), s.patient().replaceFirst("^0+", ""), s.id());
            for (NihFinding f : NihFinding.values()) {
                assertEquals(im.findings().contains(f) ? 1f : 0f, s.labels()[index.classIndex(f.label)], s.id() + " " + f);
            }
            assertEquals(im.findings().isEmpty() ? 1f : 0f, s.labels()[noFinding], s.id());
        }
        assertEquals(List.of("test", "train_val"), index.splits().keySet().stream().sorted().toList());
    }

    @Test
    void theLoadersRleDecoderReadsTheGeneratorsMasks() {
        Map<String, SiimRleFile.Image> masks = SiimLoader.masks(root.resolve("siim"));
        int positives = 0;
        for (int i = 0; i < 20; i++) {
            SiimWriter.Study s = SiimWriter.study(8, i);
            SiimRleFile.Image rows = masks.get(s.imageId());
            assertEquals(s.regions() > 0, rows.positive(), s.imageId());
            if (s.regions() == 0) {
                continue;
            }
            positives++;
            List<boolean[]> drawn = SiimWriter.masks(SiimWriter.render(s, SIZE));
            assertEquals(drawn.size(), rows.rles().size());
            for (int k = 0; k < drawn.size(); k++) {
                // Codes are in the 1024 frame; scaled to the phantom's size they are the drawn mask.
                byte[] decoded = SiimRle.scale(SiimRle.decode(rows.rles().get(k), SiimRle.SIZE, SiimRle.SIZE),
                        SiimRle.SIZE, SiimRle.SIZE, SIZE, SIZE);
                byte[] expected = new byte[decoded.length];
                for (int p = 0; p < expected.length; p++) {
                    expected[p] = (byte) (drawn.get(k)[p] ? 1 : 0);
                }
                assertArrayEquals(expected, decoded, s.imageId() + " region " + k);
            }
        }
        assertTrue(positives >= 2);
    }
}
