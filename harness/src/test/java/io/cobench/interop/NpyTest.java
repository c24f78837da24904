package io.cobench.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.cli.UserError;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class NpyTest {
    @TempDir
    Path tmp;

    @Test
    void writtenFileIsReadByNd4jsOwnNpyReader() throws Exception {
        Path f = tmp.resolve("a.npy");
        try (OutputStream o = Files.newOutputStream(f)) {
            Npy.writeFloat32Header(o, 3, 2);
            Npy.writeFloats(o, new float[] {1.5f, -2f, 3.25f});
            Npy.writeFloats(o, new float[] {0f, 1e-7f, 7f});
        }
        INDArray a = Nd4j.createFromNpyFile(f.toFile());
        assertEquals(Nd4j.createFromArray(new float[][] {{1.5f, -2f}, {3.25f, 0f}, {1e-7f, 7f}}), a);
        // NumPy aligns the data to 64 bytes: the 59-character dict, the 10-byte preamble and the
        // newline make 70, so the data starts at 128.
        assertEquals(128, Npy.header(f).dataOffset());
        assertEquals(128 + 6 * 4, Files.size(f));
    }

    @Test
    void oneDimensionalShapeIsSpelledAsAOneTuple() throws Exception {
        Path f = tmp.resolve("v.npy");
        try (OutputStream o = Files.newOutputStream(f)) {
            Npy.writeFloat32Header(o, 5);
            Npy.writeFloats(o, new float[5]);
        }
        String head = new String(Files.readAllBytes(f), 10, 54, StandardCharsets.ISO_8859_1);
        assertTrue(head.contains("'shape': (5,)"), head);
        assertArrayEquals(new long[] {5}, Npy.header(f).shape());
    }

    @Test
    void readsRowsOfAnNd4jWrittenFile() throws Exception {
        float[] v = new float[24];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        INDArray x = Nd4j.create(v, new long[] {4, 1, 2, 3}, DataType.FLOAT);
        Path f = tmp.resolve("x.npy");
        Nd4j.writeAsNumpy(x, f.toFile());
        Npy.Header h = Npy.float32(f, "[N, 1, 2, 3]");
        assertArrayEquals(new long[] {4, 1, 2, 3}, h.shape());
        // rows 2..3 are elements 12..23
        assertArrayEquals(new float[] {12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23}, Npy.readFloats(f, h, 12, 12));
    }

    @Test
    void refusesOtherDtypesAndNonNpyFilesNamingTheFile() throws Exception {
        Path d = tmp.resolve("d.npy");
        Nd4j.writeAsNumpy(Nd4j.zeros(DataType.DOUBLE, 2, 3), d.toFile());
        UserError e = assertThrows(UserError.class, () -> Npy.float32(d, "[N, 3]"));
        assertTrue(e.getMessage().startsWith(d + " holds dtype '<f8' [2, 3]; expected float32"), e.getMessage());

        Path t = Files.writeString(tmp.resolve("t.npy"), "not numpy at all");
        e = assertThrows(UserError.class, () -> Npy.header(t));
        assertEquals(t + " is not a .npy file (no \\x93NUMPY magic)", e.getMessage());
    }
}
