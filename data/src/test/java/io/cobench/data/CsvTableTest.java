package io.cobench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cobench.cli.UserError;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableTest {

    @TempDir
    Path tmp;

    @Test
    void malformedRowNamesFileLineAndReason() {
        Path f = TestImages.text(tmp.resolve("a.csv"), "x,y,z\n1,2,3\n\n4,5\n");
        UserError e = assertThrows(UserError.class, () -> CsvTable.read(f, false));
        assertEquals(f + ":4: expected 3 fields as in the header, found 2", e.getMessage());
    }

    @Test
    void unclosedQuoteNamesTheLineWhereTheRowStarts() {
        Path f = TestImages.text(tmp.resolve("q.csv"), "x,y\n1,\"open\n2,3\n");
        UserError e = assertThrows(UserError.class, () -> CsvTable.read(f, false));
        assertEquals(f + ":2: quoted field is never closed", e.getMessage());
    }

    @Test
    void missingColumnNamesItAndTheColumnsFound() {
        Path f = TestImages.text(tmp.resolve("c.csv"), "Image Index,Finding Labels\na.png,Mass\n");
        CsvTable t = CsvTable.read(f, true);
        UserError e = assertThrows(UserError.class, () -> t.column("Patient Gender", "Patient Sex"));
        assertEquals(f + ": missing column 'Patient Gender' or 'Patient Sex'; columns found: "
                + "[Image Index, Finding Labels]", e.getMessage());
    }

    @Test
    void trailingCommasQuotesBomAndSpacesAreTolerated() {
        Path f = TestImages.text(tmp.resolve("t.csv"),
                "\uFEFFImageId, EncodedPixels,\nid1, -1,\nid2,\"[1, 0]\"\n  \n\"a\"\"b\",\"two\nlines\"\n");
        CsvTable t = CsvTable.read(f, true);
        assertEquals(List.of("ImageId", "EncodedPixels"), t.header());
        assertEquals(List.of("id1", "-1"), t.rows().get(0).fields());
        assertEquals(List.of("id2", "[1, 0]"), t.rows().get(1).fields());
        assertEquals(List.of("a\"b", "two\nlines"), t.rows().get(2).fields());
        assertEquals(List.of(2, 3, 5), t.rows().stream().map(CsvTable.Row::line).toList());
        assertEquals(1, t.column("EncodedPixels"));
    }

    @Test
    void headerWithEmptyTrailingNamesMatchesShorterRows() {
        Path f = TestImages.text(tmp.resolve("b.csv"), "Image Index,Finding Label,Bbox [x,y,w,h],,,\n"
                + "a.png,Mass,1,2,3,4\nb.png,Mass,1,2,3,4,,,\n");
        CsvTable t = CsvTable.read(f, true);
        assertEquals(6, t.header().size());
        assertEquals(List.of("b.png", "Mass", "1", "2", "3", "4"), t.rows().get(1).fields());
    }

    @Test
    void missingFileIsNamed() {
        Path f = tmp.resolve("nope.csv");
        UserError e = assertThrows(UserError.class, () -> CsvTable.read(f, true));
        assertEquals(f + ": file not found", e.getMessage());
    }
}
