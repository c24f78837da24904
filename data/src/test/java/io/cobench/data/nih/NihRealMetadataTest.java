package io.cobench.data.nih;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.data.DatasetIndex;
import io.cobench.data.PatientSubsets;
import io.cobench.data.RealMetadata;
import io.cobench.data.Sample;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The NIH loader on the real label and split files (no images); expected figures from datasets.md. */
@Tag("slow")
class NihRealMetadataTest {

    private static DatasetIndex index;

    @BeforeAll
    static void load() {
        index = new NihLoader(NihLabelOrder.ALPHABETICAL_15).load(RealMetadata.dir());
    }

    @Test
    void officialSplitSizesAndNoSharedPatients() {
        assertEquals(112_120, index.samples().size());
        assertEquals(86_524, index.split("train_val").size());
        assertEquals(25_596, index.split("test").size());
        assertEquals(Map.of("train_val|test", 0), index.sharedPatients());
        assertEquals(28_008, DatasetIndex.patients(index.split("train_val")).size());
        assertEquals(2_797, DatasetIndex.patients(index.split("test")).size());
        assertEquals(30_805, DatasetIndex.patients(index.samples()).size());
    }

    @Test
    void withoutImagesEveryImageIsMissingAndNamedByItsExpectedPath() {
        assertEquals(112_120, index.missing().size());
        assertEquals(0, index.found().size());
        Sample first = index.samples().get(0);
        assertEquals("00000001_000.png", first.id());
        assertEquals(RealMetadata.dir().resolve("images/00000001_000.png"), first.image());
        assertEquals("1", first.patient());
    }

    @Test
    void labelCountsMatchTheDatasetNotes() {
        Map<String, Integer> expected = new TreeMap<>(Map.ofEntries(Map.entry("No Finding", 60_361),
                Map.entry("Infiltration", 19_894), Map.entry("Effusion", 13_317), Map.entry("Atelectasis", 11_559),
                Map.entry("Nodule", 6_331), Map.entry("Mass", 5_782), Map.entry("Pneumothorax", 5_302),
                Map.entry("Consolidation", 4_667), Map.entry("Pleural_Thickening", 3_385),
                Map.entry("Cardiomegaly", 2_776), Map.entry("Emphysema", 2_516), Map.entry("Edema", 2_303),
                Map.entry("Fibrosis", 1_686), Map.entry("Pneumonia", 1_431), Map.entry("Hernia", 227)));
        assertEquals(expected, new TreeMap<>(index.labelCounts(index.samples())));
        Map<String, Integer> test = new TreeMap<>(Map.ofEntries(Map.entry("Atelectasis", 3_279),
                Map.entry("Cardiomegaly", 1_069), Map.entry("Consolidation", 1_815), Map.entry("Edema", 925),
                Map.entry("Effusion", 4_658), Map.entry("Emphysema", 1_093), Map.entry("Fibrosis", 435),
                Map.entry("Hernia", 86), Map.entry("Infiltration", 6_112), Map.entry("Mass", 1_748),
                Map.entry("No Finding", 9_861), Map.entry("Nodule", 1_623), Map.entry("Pleural_Thickening", 1_143),
                Map.entry("Pneumonia", 555), Map.entry("Pneumothorax", 2_665)));
        assertEquals(test, new TreeMap<>(index.labelCounts(index.split("test"))));
        assertEquals(10, index.classIndex("No Finding"));
    }

    @Test
    void fourteenFindingOrderLeavesHealthyImagesAllZero() {
        DatasetIndex nih14 = new NihLoader(NihLabelOrder.NIH_14).load(RealMetadata.dir());
        assertEquals(NihLabelOrder.NIH_14.classes(), nih14.classes());
        int allZero = 0;
        for (Sample s : nih14.samples()) {
            float sum = 0;
            for (float v : s.labels()) {
                sum += v;
            }
            if (sum == 0) {
                allZero++;
            }
        }
        assertEquals(60_361, allZero);
        assertEquals(19_894, nih14.labelCounts(nih14.samples()).get("Infiltration"));
    }

    @Test
    void boxesMapInfiltrateAndLieInTheTestSplit() {
        List<NihBoxes.Box> boxes = NihBoxes.read(RealMetadata.file("BBox_List_2017.csv"));
        assertEquals(984, boxes.size());
        Map<String, Integer> perImage = new HashMap<>();
        Map<String, Integer> perFinding = new TreeMap<>();
        for (NihBoxes.Box b : boxes) {
            perImage.merge(b.image(), 1, Integer::sum);
            perFinding.merge(b.finding(), 1, Integer::sum);
        }
        assertEquals(880, perImage.size());
        assertEquals(93, perImage.values().stream().filter(n -> n > 1).count());
        assertEquals(Map.of("Atelectasis", 180, "Effusion", 153, "Cardiomegaly", 146, "Infiltration", 123,
                "Pneumonia", 120, "Pneumothorax", 98, "Mass", 85, "Nodule", 79), perFinding);
        Set<String> test = ids(index.split("test"));
        assertTrue(test.containsAll(perImage.keySet()));
        NihBoxes.Box first = boxes.get(0);
        assertEquals("00013118_008.png", first.image());
        assertEquals(225.084745762712, first.x(), 0);
        assertEquals(79.1864406779661, first.h(), 0);
        assertEquals(2, first.line());
    }

    @Test
    void coboomPretrainListOverlapsTheTestSplit() {
        NihLists.TestOverlap o = NihLists.againstTest(index, RealMetadata.file("coboom-pretrain-list.txt"));
        // datasets.md: 78,468 images of a random patient split, 17,920 of them official test images.
        assertEquals(78_468, o.listed());
        assertEquals(0, o.unknown());
        assertEquals(17_920, o.inTest());
        assertEquals(21_528, o.patients());
        assertEquals(1_901, o.patientsInTest());
        // Measured (and checked with an independent Python script): the list's labels disagree with
        // Data_Entry_2017_v2020.csv for 127 images.
        assertEquals(78_468, o.labelsCompared());
        assertEquals(127, o.labelsDiffer());
    }

    @Test
    void coboomOnePercentSubsetImportsFromTrainVal() {
        List<Sample> subset = NihLists.importSubset(index, RealMetadata.file("coboom-subset-1pct.csv"));
        assertEquals(865, subset.size());
        assertEquals(865, new HashSet<>(subset).size());
        assertTrue(ids(index.split("train_val")).containsAll(ids(subset)));
        NihLists.TestOverlap o = NihLists.againstTest(index, RealMetadata.file("coboom-subset-1pct.csv"));
        assertEquals(0, o.inTest());
        assertEquals(0, o.labelsDiffer());
        assertEquals(865, o.labelsCompared());
    }

    @Test
    void nestedPatientAwareSubsetsOfTrainVal() {
        List<Sample> pool = index.split("train_val");
        List<Double> fractions = PatientSubsets.PAPER_FRACTIONS;
        Map<Double, List<Sample>> subsets = PatientSubsets.nested(pool, fractions, 7);
        List<Sample> previous = List.of();
        for (double p : fractions) {
            List<Sample> s = subsets.get(p);
            assertEquals(Math.round(pool.size() * p), s.size(), "fraction " + p);
            assertTrue(ids(s).containsAll(ids(previous)), "not nested at " + p);
            assertWholePatients(pool, s);
            previous = s;
        }
        assertEquals(865, subsets.get(0.01).size());
        PatientSubsets.Carve c = PatientSubsets.carve(subsets.get(0.10), 0.1, 7);
        assertEquals(865, c.heldOut().size());
        assertEquals(8_652 - 865, c.rest().size());
        Set<String> valPatients = DatasetIndex.patients(c.heldOut());
        assertTrue(c.rest().stream().noneMatch(x -> valPatients.contains(x.patient())));
    }

    private static void assertWholePatients(List<Sample> pool, List<Sample> subset) {
        Set<String> patients = DatasetIndex.patients(subset);
        assertEquals(pool.stream().filter(x -> patients.contains(x.patient())).count(), subset.size());
    }

    private static Set<String> ids(List<Sample> samples) {
        Set<String> out = new HashSet<>();
        samples.forEach(s -> out.add(s.id()));
        return out;
    }
}
