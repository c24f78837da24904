package io.cobench.data.fundus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.cli.UserError;
import io.cobench.data.DatasetIndex;
import io.cobench.data.Sample;
import io.cobench.data.TestImages;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OdirLoaderTest {
    private static final String C = "\uFF0C";
    private static final String FULL_DF_HEADER = "ID,Patient Age,Patient Sex,Left-Fundus,Right-Fundus,"
            + "Left-Diagnostic Keywords,Right-Diagnostic Keywords,N,D,G,C,A,H,M,O,filepath,labels,target,filename\n";

    @TempDir
    Path root;

    private static String dfRow(int id, String eye, String label, String target) {
        return id + ",69,Female," + id + "_left.jpg," + id + "_right.jpg,cataract,normal fundus,0,0,0,1,0,0,0,0,"
                + "../input/ocular-disease-recognition-odir5k/ODIR-5K/ODIR-5K/Training Images/" + id + "_" + eye + ".jpg,"
                + "\"['" + label + "']\",\"" + target + "\"," + id + "_" + eye + ".jpg\n";
    }

    @Test
    void kaggleFullDfPerEyeRowsAndImageFolders() {
        TestImages.text(root.resolve("full_df.csv"), FULL_DF_HEADER
                + dfRow(0, "right", "N", "[1, 0, 0, 0, 0, 0, 0, 0]")
                + dfRow(0, "left", "C", "[0, 0, 0, 1, 0, 0, 0, 0]")
                + dfRow(1, "left", "D", "[0, 1, 0, 0, 0, 0, 0, 0]"));
        TestImages.write(TestImages.rgb(8, 8, 1), "jpg", root.resolve("ODIR-5K/ODIR-5K/Training Images/0_right.jpg"));
        TestImages.write(TestImages.rgb(8, 8, 1), "jpg", root.resolve("preprocessed_images/0_right.jpg"));
        TestImages.write(TestImages.rgb(8, 8, 2), "jpg", root.resolve("preprocessed_images/0_left.jpg"));
        DatasetIndex idx = new OdirLoader(42).load(root);
        assertEquals(List.of("0_right.jpg", "0_left.jpg", "1_left.jpg"), idx.samples().stream().map(Sample::id).toList());
        assertEquals(root.resolve("ODIR-5K/ODIR-5K/Training Images/0_right.jpg"), idx.samples().get(0).image());
        assertEquals(root.resolve("preprocessed_images/0_left.jpg"), idx.samples().get(1).image());
        assertEquals(Set.of("1_left.jpg"), idx.missing());
        assertArrayEquals(new float[] {0, 0, 0, 1, 0, 0, 0, 0}, idx.samples().get(1).labels());
        assertEquals("0", idx.samples().get(1).patient());
        assertEquals(0, idx.sharedPatients().get("train|test"));
        assertEquals(3, idx.split("train").size() + idx.split("test").size());
    }

    @Test
    void splitIsEightyTwentyByPatient() {
        StringBuilder csv = new StringBuilder(FULL_DF_HEADER);
        for (int id = 0; id < 100; id++) {
            csv.append(dfRow(id, "left", "N", "[1, 0, 0, 0, 0, 0, 0, 0]"));
            csv.append(dfRow(id, "right", "N", "[1, 0, 0, 0, 0, 0, 0, 0]"));
        }
        TestImages.text(root.resolve("full_df.csv"), csv.toString());
        DatasetIndex idx = new OdirLoader(42).load(root);
        assertEquals(40, idx.split("test").size());
        assertEquals(160, idx.split("train").size());
        assertEquals(Map.of("train|test", 0), idx.sharedPatients());
        Set<String> other = new HashSet<>(new OdirLoader(7).load(root).split("test").stream().map(Sample::id).toList());
        assertTrue(!other.equals(new HashSet<>(idx.split("test").stream().map(Sample::id).toList())));
    }

    @Test
    void badTargetNamesTheLine() {
        Path f = TestImages.text(root.resolve("full_df.csv"), FULL_DF_HEADER
                + dfRow(0, "right", "N", "[1, 0, 0, 0, 0, 0, 0]"));
        UserError e = assertThrows(UserError.class, () -> new OdirLoader(42).load(root));
        assertEquals(f + ":2: target '[1, 0, 0, 0, 0, 0, 0]' has 7 values, expected 8", e.getMessage());
    }

    @Test
    void officialWorkbookGivesPerEyeLabelsFromKeywords() throws Exception {
        Path xlsx = root.resolve("ODIR-5K_Training_Annotations(Updated)_V2.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
            Sheet s = wb.createSheet("Sheet1");
            String[] head = {"ID", "Patient Age", "Patient Sex", "Left-Fundus", "Right-Fundus",
                "Left-Diagnostic Keywords", "Right-Diagnostic Keywords", "N", "D", "G", "C", "A", "H", "M", "O"};
            row(s, 0, head);
            row(s, 1, 0, 69, "Female", "0_left.jpg", "0_right.jpg", "cataract", "normal fundus");
            row(s, 2, 1, 57, "Male", "1_left.jpg", "1_right.jpg",
                    "moderate non proliferative retinopathy" + C + "hypertensive retinopathy",
                    "normal fundus" + C + "lens dust");
            row(s, 3, 2, 42, "Male", "2_left.jpg", "2_right.jpg", "pathological myopia" + C + " drusen",
                    "anterior segment image");
            wb.write(out);
        }
        DatasetIndex idx = new OdirLoader(42).load(root);
        assertEquals(List.of("0_left.jpg", "0_right.jpg", "1_left.jpg", "2_left.jpg"),
                idx.samples().stream().map(Sample::id).toList());
        // N D G C A H M O
        assertArrayEquals(new float[] {0, 0, 0, 1, 0, 0, 0, 0}, idx.samples().get(0).labels());
        assertArrayEquals(new float[] {1, 0, 0, 0, 0, 0, 0, 0}, idx.samples().get(1).labels());
        assertArrayEquals(new float[] {0, 1, 0, 0, 0, 1, 0, 0}, idx.samples().get(2).labels());
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0, 1, 1}, idx.samples().get(3).labels());
        assertEquals("1", idx.samples().get(2).patient());
        assertEquals(4, idx.missing().size());
    }

    @Test
    void workbookWithoutKeywordColumnNamesIt() throws Exception {
        Path xlsx = root.resolve("data.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
            Sheet s = wb.createSheet("Sheet1");
            row(s, 0, "ID", "Left-Fundus", "Right-Fundus", "Left-Diagnostic Keywords");
            wb.write(out);
        }
        UserError e = assertThrows(UserError.class, () -> new OdirLoader(42).load(root));
        assertEquals(xlsx + ": missing column 'Right-Diagnostic Keywords'; columns found: "
                + "[ID, Left-Fundus, Right-Fundus, Left-Diagnostic Keywords]", e.getMessage());
    }

    private static void row(Sheet s, int r, Object... values) {
        Row row = s.createRow(r);
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Integer n) {
                row.createCell(i).setCellValue(n);
            } else {
                row.createCell(i).setCellValue((String) values[i]);
            }
        }
    }
}
