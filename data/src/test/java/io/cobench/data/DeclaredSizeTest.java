package io.cobench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.cli.UserError;
import io.cobench.data.pipeline.ImageCache;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A PNG whose header claims 46000 x 46000 (2.1 gigapixels) is refused from its header alone. */
class DeclaredSizeTest {

    @TempDir
    Path tmp;

    /** A PNG with a valid IHDR for {@code w x h} 8-bit grey and one row of real pixel data. */
    static byte[] png(int w, int h) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) 0).put((byte) 0)
                .put((byte) 0).put((byte) 0).array());
        Deflater d = new Deflater();
        d.setInput(new byte[1 + w]);
        d.finish();
        byte[] z = new byte[4096];
        int n = d.deflate(z);
        chunk(out, "IDAT", java.util.Arrays.copyOf(z, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.write(ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    @Test
    void hugeDeclaredPngIsRefusedByNameBeforeAnyPixelBuffer() throws IOException {
        Path f = Files.write(tmp.resolve("bomb.png"), png(46000, 46000));
        long before = usedHeap();
        UserError e = assertThrows(UserError.class, () -> ImageReader.read(f));
        assertEquals(f + ": cannot decode image: declares 46000 x 46000 pixels, more than the "
                + ImageReader.MAX_PIXELS + " accepted", e.getMessage());
        // No 2 GB raster was made on the way (a generous bound: garbage from elsewhere may count).
        assertTrue(usedHeap() - before < 256L << 20, "heap grew by " + (usedHeap() - before));
    }

    @Test
    void cacheWorkersReportTheReasonAndTheFile() throws IOException {
        List<ImageCache.Source> sources = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sources.add(new ImageCache.Source("ok" + i,
                    TestImages.write(TestImages.grey(20, 20, i), "png", tmp.resolve("ok" + i + ".png"))));
        }
        Path bomb = Files.write(tmp.resolve("bomb.png"), png(46000, 46000));
        sources.add(3, new ImageCache.Source("bomb", bomb));
        UserError e = assertThrows(UserError.class, () -> ImageCache.open(tmp.resolve("c.u8"), sources,
                new ImageCache.Spec(16, 1, BadImagePolicy.fail(), 4, false)));
        assertTrue(e.getMessage().startsWith(bomb + ": cannot decode image: declares 46000 x 46000 pixels"),
                e.getMessage());
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
