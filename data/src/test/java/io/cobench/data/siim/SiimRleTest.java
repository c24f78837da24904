package io.cobench.data.siim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.data.CsvTable;
import io.cobench.data.RealMetadata;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow")
class SiimRleTest {
    private static final int N = SiimRle.SIZE;

    @Test
    void workedExampleDecodesToTheStatedPixels() {
        byte[] mask = SiimRle.decode("557374 2 1015 8 1009 14", N, N);
        List<int[]> on = new ArrayList<>();
        for (int y = 0; y < N; y++) {
            for (int x = 0; x < N; x++) {
                if (mask[y * N + x] != 0) {
                    on.add(new int[] {x, y});
                }
            }
        }
        assertEquals(2 + 8 + 14, on.size());
        for (int y = 0; y < N; y++) {
            assertEquals(y >= 318 && y <= 319, mask[y * N + 544] == 1, "col 544 row " + y);
            assertEquals(y >= 311 && y <= 318, mask[y * N + 545] == 1, "col 545 row " + y);
            assertEquals(y >= 304 && y <= 317, mask[y * N + 546] == 1, "col 546 row " + y);
        }
        assertEquals("557374 2 1015 8 1009 14", SiimRle.encode(mask, N, N));
    }

    @Test
    void smallMaskByHand() {
        // 3 wide, 2 high; column-major order p = x*2 + y: (0,0)=0 (0,1)=1 (1,0)=2 (1,1)=3 (2,0)=4 (2,1)=5
        byte[] mask = {
            1, 0, 1,
            1, 0, 0};
        assertEquals("0 2 2 1", SiimRle.encode(mask, 3, 2));
        assertEquals(List.of((byte) 1, (byte) 0, (byte) 1, (byte) 1, (byte) 0, (byte) 0), bytes(SiimRle.decode("0 2 2 1", 3, 2)));
        // A run touching the last pixel is kept (the official encoder would drop it).
        byte[] last = {0, 0, 0, 0, 0, 1};
        assertEquals("5 1", SiimRle.encode(last, 3, 2));
        byte[] lastColumn = {0, 0, 1, 0, 0, 1};
        assertEquals("4 2", SiimRle.encode(lastColumn, 3, 2));
        assertEquals("-1", SiimRle.encode(new byte[6], 3, 2));
        assertEquals(0, SiimRle.decodeInto("-1", 3, 2, new byte[6]));
        // Decoding into one mask makes a union and counts only newly set pixels.
        byte[] union = SiimRle.decode("0 2", 3, 2);
        assertEquals(1, SiimRle.decodeInto("1 2", 3, 2, union));
        assertEquals(3, SiimRle.unionPixels(List.of("0 2", "1 2"), 3, 2));
        assertEquals(4, SiimRle.unionPixels(List.of("0 2", "-1", "4 2"), 3, 2));
    }

    @Test
    void encoderSkipsZeroWordsWithoutLosingPixels() {
        // 11 x 5 (not a multiple of 8) with pixels at word edges and in the tail.
        int w = 11;
        int h = 5;
        byte[] mask = new byte[w * h];
        int[] on = {0, 7, 8, 15, 16, 23, 31, 40, 53, 54};
        for (int k : on) {
            mask[k] = 1;
        }
        String code = SiimRle.encode(mask, w, h);
        // Column-major indices x*5 + y of those pixels, sorted: 0 7 21 26 35 38 40 47 49 54.
        assertEquals("0 1 6 1 13 1 4 1 8 1 2 1 1 1 6 1 1 1 4 1", code);
        assertEquals(bytes(mask), bytes(SiimRle.decode(code, w, h)));
        assertEquals(on.length, SiimRle.unionPixels(List.of(code), w, h));
    }

    @Test
    void malformedCodesAreRefused() {
        IllegalArgumentException odd = assertThrows(IllegalArgumentException.class, () -> SiimRle.decode("5 2 7", 4, 4));
        assertTrue(odd.getMessage().contains("odd number"));
        IllegalArgumentException past = assertThrows(IllegalArgumentException.class, () -> SiimRle.decode("10 7", 4, 4));
        assertTrue(past.getMessage().contains("past the image's 16"), past.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SiimRle.decode("1 x", 4, 4));
        assertThrows(IllegalArgumentException.class, () -> SiimRle.decode("-3 2", 4, 4));
    }

    @Test
    void everyRealRowRoundTripsExactly() {
        CsvTable t = CsvTable.read(RealMetadata.file("train-rle.csv"), true);
        int col = t.column("EncodedPixels");
        byte[] mask = new byte[N * N];
        String emptyCode = SiimRle.encode(mask, N, N);
        assertEquals("-1", emptyCode);
        int checked = 0;
        int positiveRows = 0;
        for (CsvTable.Row r : t.rows()) {
            String rle = r.fields().get(col);
            long set = SiimRle.decodeInto(rle, N, N, mask);
            if (set == 0) {
                // Nothing was set, so the mask is still the empty one whose code is emptyCode.
                assertEquals(emptyCode, rle, "line " + r.line());
            } else {
                assertEquals(rle, SiimRle.encode(mask, N, N), "line " + r.line());
                java.util.Arrays.fill(mask, (byte) 0);
                positiveRows++;
            }
            checked++;
        }
        assertEquals(12_954, checked);
        assertEquals(12_954 - 9_378, positiveRows);
    }

    private static List<Byte> bytes(byte[] b) {
        List<Byte> out = new ArrayList<>();
        for (byte x : b) {
            out.add(x);
        }
        return out;
    }
}
