package io.cobench.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.cli.UserError;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class NpzTest {
    @TempDir
    Path tmp;

    @Test
    void roundTripKeepsNamesOrderDtypesAndValues() {
        Map<String, INDArray> in = new LinkedHashMap<>();
        in.put("online/layer1/0/conv1/W", Nd4j.linspace(1, 24, 24, DataType.FLOAT).reshape(2, 3, 4));
        in.put("bn/var", Nd4j.createFromArray(0.5, 1e-30, -3.25));
        in.put("step", Nd4j.createFromArray(7L, 8L));
        in.put("ints", Nd4j.createFromArray(new int[][] {{1, 2}, {3, 4}}));
        // A strided view must be written as its values, not its parent's buffer.
        INDArray parent = Nd4j.linspace(0, 11, 12, DataType.FLOAT).reshape(3, 4);
        in.put("view", parent.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 3)));
        Path f = tmp.resolve("a.npz");
        Npz.write(f, in);
        Map<String, INDArray> out = Npz.read(f);
        assertEquals(List.copyOf(in.keySet()), List.copyOf(out.keySet()));
        for (String k : in.keySet()) {
            assertEquals(in.get(k).dataType(), out.get(k).dataType(), k);
            assertArrayEquals(in.get(k).shape(), out.get(k).shape(), k);
            assertEquals(in.get(k), out.get(k), k);
        }
        assertEquals(Nd4j.createFromArray(new float[][] {{1, 2}, {5, 6}, {9, 10}}), out.get("view"));
    }

    @Test
    void entriesAreNumpyNpyFilesWithTheDocumentedHeader() throws Exception {
        Path f = tmp.resolve("h.npz");
        Npz.write(f, Map.of("w", Nd4j.createFromArray(new float[][] {{1.5f, -2f, 0f}})));
        try (ZipFile z = new ZipFile(f.toFile())) {
            ZipEntry e = z.getEntry("w.npy");
            byte[] b = z.getInputStream(e).readAllBytes();
            // Magic "\x93NUMPY", version 1.0, little-endian header length, then a Python dict.
            assertEquals((byte) 0x93, b[0]);
            assertEquals("NUMPY", new String(b, 1, 5, StandardCharsets.US_ASCII));
            int hlen = (b[8] & 0xff) | (b[9] & 0xff) << 8;
            String header = new String(b, 10, hlen, StandardCharsets.US_ASCII);
            assertTrue(header.contains("'descr': '<f4'"), header);
            assertTrue(header.contains("'fortran_order': False"), header);
            assertTrue(header.contains("'shape': (1, 3)"), header);
            assertEquals(0, (10 + hlen) % 16, "numpy aligns the data to 16 bytes");
            ByteBuffer data = ByteBuffer.wrap(b, 10 + hlen, 12).order(ByteOrder.LITTLE_ENDIAN);
            assertEquals(1.5f, data.getFloat());
            assertEquals(-2f, data.getFloat());
            assertEquals(0f, data.getFloat());
        }
    }

    @Test
    void readsAnNpyWrittenByHandAsNumpyWouldWriteIt() throws Exception {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }";
        int total = 10 + dict.length() + 1;
        int pad = (64 - total % 64) % 64;
        ByteArrayOutputStream npy = new ByteArrayOutputStream();
        npy.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        int hlen = dict.length() + pad + 1;
        npy.write(hlen & 0xff);
        npy.write(hlen >> 8);
        npy.write((dict + " ".repeat(pad) + "\n").getBytes(StandardCharsets.US_ASCII));
        ByteBuffer d = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putDouble(0.25).putDouble(-8);
        npy.write(d.array());
        Path f = tmp.resolve("numpy.npz");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            z.putNextEntry(new ZipEntry("x.npy"));
            z.write(npy.toByteArray());
            z.closeEntry();
        }
        INDArray x = Npz.read(f).get("x");
        assertEquals(DataType.DOUBLE, x.dataType());
        assertEquals(Nd4j.createFromArray(0.25, -8.0), x);
    }

    @Test
    void badFilesAreUserErrorsNamingTheFile() throws Exception {
        Path missing = tmp.resolve("missing.npz");
        assertTrue(assertThrows(UserError.class, () -> Npz.read(missing)).getMessage().contains("missing.npz"));
        Path text = tmp.resolve("text.npz");
        Files.writeString(text, "<html>not a zip</html>");
        assertTrue(assertThrows(UserError.class, () -> Npz.read(text)).getMessage().contains("text.npz"));
        Path odd = tmp.resolve("odd.npz");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(odd))) {
            z.putNextEntry(new ZipEntry("readme.txt"));
            z.write(1);
            z.closeEntry();
        }
        String msg = assertThrows(UserError.class, () -> Npz.read(odd)).getMessage();
        assertTrue(msg.contains("odd.npz") && msg.contains("readme.txt"), msg);
    }
}
