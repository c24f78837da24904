package io.cobench.data.nih;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.cli.UserError;
import io.cobench.data.DatasetIndex;
import io.cobench.data.Sample;
import io.cobench.data.TestImages;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small NIH trees written by hand: Kaggle shards, Kaggle's older label file, bad inputs. */
class NihFixtureTest {

    private static final String V2020_HEADER = "Image Index,Finding Labels,Follow-up #,Patient ID,Patient Age,"
            + "Patient Gender,View Position,OriginalImage[Width,Height],OriginalImagePixelSpacing[x,y]\n";

    @TempDir
    Path root;

    private void image(String rel) {
        TestImages.write(TestImages.grey(4, 4, rel.length()), "png", root.resolve(rel));
    }

    @Test
    void kaggleShardsAndOldLabelFileWithTrailingCommaAndPatientSex() {
        image("images_001/images/00000001_000.png");
        image("images_001/images/00000001_001.png");
        image("images_002/images/00000002_000.png");
        TestImages.text(root.resolve("Data_Entry_2017.csv"), V2020_HEADER.replace("Patient Gender", "Patient Sex")
                .replace("\n", ",\n")
                + "00000001_000.png,Cardiomegaly,0,1,57,M,PA,2682,2749,0.143,0.143,\n"
                + "00000001_001.png,Cardiomegaly|Emphysema,1,1,58,M,PA,2894,2729,0.143,0.143,\n"
                + "00000002_000.png,No Finding,0,2,81,M,PA,2500,2048,0.171,0.171,\n"
                + "00000003_000.png,Hernia,0,3,181,F,PA,2582,2991,0.143,0.143,\n");
        TestImages.text(root.resolve("train_val_list.txt"), "00000001_000.png\n00000001_001.png\n00000002_000.png\n");
        TestImages.text(root.resolve("test_list.txt"), "00000003_000.png\n");

        DatasetIndex idx = new NihLoader(NihLabelOrder.ALPHABETICAL_15).load(root);
        assertEquals(4, idx.samples().size());
        assertEquals(Set.of("00000003_000.png"), idx.missing());
        Sample s = idx.samples().get(1);
        assertEquals(root.resolve("images_001/images/00000001_001.png"), s.image());
        assertEquals("1", s.patient());
        float[] expected = new float[15];
        expected[1] = 1; // Cardiomegaly
        expected[5] = 1; // Emphysema
        assertArrayEquals(expected, s.labels());
        assertEquals(1f, idx.samples().get(2).labels()[10]); // No Finding
        assertEquals(3, idx.split("train_val").size());
        assertEquals(List.of("00000003_000.png"), idx.split("test").stream().map(Sample::id).toList());
        assertEquals(0, idx.sharedPatients().get("train_val|test"));
    }

    @Test
    void flatImagesFolderAndV2020Header() {
        image("images/00000001_000.png");
        TestImages.text(root.resolve("Data_Entry_2017_v2020.csv"), V2020_HEADER
                + "00000001_000.png,Mass|Nodule,0,1,57,M,PA,2682,2749,0.14300000000000002,0.14300000000000002\n");
        DatasetIndex idx = new NihLoader(NihLabelOrder.NIH_14).load(root);
        assertEquals(Set.of(), idx.missing());
        assertArrayEquals(new float[] {0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0}, idx.samples().get(0).labels());
        assertTrue(idx.splits().isEmpty());
    }

    @Test
    void sameImageInTwoShardsIsAnError() {
        image("images_001/images/00000001_000.png");
        image("images/00000001_000.png");
        TestImages.text(root.resolve("Data_Entry_2017_v2020.csv"), V2020_HEADER
                + "00000001_000.png,Mass,0,1,57,M,PA,2682,2749,0.1,0.1\n");
        UserError e = assertThrows(UserError.class, () -> new NihLoader(NihLabelOrder.NIH_14).load(root));
        assertTrue(e.getMessage().contains("00000001_000.png exists twice"), e.getMessage());
    }

    @Test
    void unknownFindingNamesFileAndLine() {
        Path f = TestImages.text(root.resolve("Data_Entry_2017_v2020.csv"), V2020_HEADER
                + "00000001_000.png,Mass,0,1,57,M,PA,2682,2749,0.1,0.1\n"
                + "00000001_001.png,Mass|Infiltrate,1,1,57,M,PA,2682,2749,0.1,0.1\n");
        UserError e = assertThrows(UserError.class, () -> NihDataEntry.read(f));
        assertEquals(f + ":3: unknown finding 'Infiltrate' in 'Mass|Infiltrate'", e.getMessage());
    }

    @Test
    void labelFileWithoutPatientIdNamesTheColumn() {
        Path f = TestImages.text(root.resolve("Data_Entry_2017_v2020.csv"),
                "Image Index,Finding Labels,Patient Gender\n00000001_000.png,Mass,M\n");
        UserError e = assertThrows(UserError.class, () -> NihDataEntry.read(f));
        assertEquals(f + ": missing column 'Patient ID'; columns found: [Image Index, Finding Labels, Patient Gender]",
                e.getMessage());
    }

    @Test
    void splitListNamingAnUnknownImageNamesFileAndLine() {
        TestImages.text(root.resolve("Data_Entry_2017_v2020.csv"), V2020_HEADER
                + "00000001_000.png,Mass,0,1,57,M,PA,2682,2749,0.1,0.1\n");
        TestImages.text(root.resolve("train_val_list.txt"), "00000001_000.png\n");
        Path test = TestImages.text(root.resolve("test_list.txt"), "\n00000009_000.png\n");
        UserError e = assertThrows(UserError.class, () -> new NihLoader(NihLabelOrder.NIH_14).load(root));
        assertEquals(test + ":2: image 00000009_000.png is not in the label file", e.getMessage());
    }

    @Test
    void boxesParsedByPositionWithInfiltrateRenamed() {
        Path f = TestImages.text(root.resolve("BBox_List_2017.csv"), "Image Index,Finding Label,Bbox [x,y,w,h],,,\n"
                + "00000001_000.png,Infiltrate,1.5,2,3,4\n00000001_000.png,Mass,10,20,30,40,,,\n");
        List<NihBoxes.Box> boxes = NihBoxes.read(f);
        assertEquals(new NihBoxes.Box("00000001_000.png", "Infiltration", 1.5, 2, 3, 4, 2), boxes.get(0));
        assertEquals(new NihBoxes.Box("00000001_000.png", "Mass", 10, 20, 30, 40, 3), boxes.get(1));
        Path bad = TestImages.text(root.resolve("b2.csv"), "Image Index,Finding Label,Bbox [x,y,w,h],,,\n"
                + "00000001_000.png,Mass,ten,20,30,40\n");
        UserError e = assertThrows(UserError.class, () -> NihBoxes.read(bad));
        assertEquals(bad + ":2: box coordinate 'ten' is not a number", e.getMessage());
    }

    @Test
    void labelledListsToleratePcrlTrailingSpaceAndRejectShortLines() {
        Path f = TestImages.text(root.resolve("list.txt"),
                "00000001_000.png 1 0 0 0 0 0 0 0 0 0 0 0 0 1 \nimages/00000002_000.png\n");
        List<NihListFile.Listed> l = NihListFile.read(f);
        assertEquals("00000001_000.png", l.get(0).name());
        assertEquals(Set.of("Atelectasis", "Hernia"), NihLabelOrder.NIH_14.decode(l.get(0).labels()));
        assertEquals("00000002_000.png", l.get(1).name());
        assertEquals(null, l.get(1).labels());
        Path bad = TestImages.text(root.resolve("bad.txt"), "00000001_000.png 1 0 1\n");
        UserError e = assertThrows(UserError.class, () -> NihListFile.read(bad));
        assertEquals(bad + ":1: expected a file name alone or followed by 14 labels, found 3 values after the name",
                e.getMessage());
    }

    @Test
    void againstTestCountsUnknownNihNamesAndRefusesOthers() {
        TestImages.text(root.resolve("Data_Entry_2017_v2020.csv"), V2020_HEADER
                + "00000001_000.png,Mass,0,1,57,M,PA,2682,2749,0.1,0.1\n"
                + "00000002_000.png,No Finding,0,2,57,M,PA,2682,2749,0.1,0.1\n");
        TestImages.text(root.resolve("train_val_list.txt"), "00000001_000.png\n");
        TestImages.text(root.resolve("test_list.txt"), "00000002_000.png\n");
        DatasetIndex idx = new NihLoader(NihLabelOrder.ALPHABETICAL_15).load(root);
        Path list = TestImages.text(root.resolve("pre.txt"), "00000002_000.png 0 0 0 0 1 0 0 0 0 0 0 0 0 0\n"
                + "00000001_000.png\n00000009_001.png\n");
        assertEquals(new NihLists.TestOverlap(3, 1, 1, 3, 1, 1, 1), NihLists.againstTest(idx, list));
        Path bad = TestImages.text(root.resolve("bad.txt"), "00000001_000.png\nscan.png\n");
        UserError e = assertThrows(UserError.class, () -> NihLists.againstTest(idx, bad));
        assertEquals(bad + ":2: 'scan.png' is not an NIH file name (PPPPPPPP_NNN.png)", e.getMessage());
    }

    @Test
    void subsetNamingUnknownImagesGivesCountAndExamples() {
        TestImages.text(root.resolve("Data_Entry_2017_v2020.csv"), V2020_HEADER
                + "00000001_000.png,Mass,0,1,57,M,PA,2682,2749,0.1,0.1\n");
        DatasetIndex idx = new NihLoader(NihLabelOrder.ALPHABETICAL_15).load(root);
        Path list = TestImages.text(root.resolve("subset.txt"), "00000001_000.png\n00000007_000.png\n00000008_000.png\n");
        UserError e = assertThrows(UserError.class, () -> NihLists.importSubset(idx, list));
        assertEquals(list + ": 2 listed images are not in the NIH label file, e.g. "
                + "[00000007_000.png (line 2), 00000008_000.png (line 3)]", e.getMessage());
    }
}
