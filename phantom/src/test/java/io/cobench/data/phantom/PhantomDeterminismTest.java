package io.cobench.data.phantom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same seed, same bytes, whatever the thread count; another seed, other pictures. */
class PhantomDeterminismTest {
    static Map<String, byte[]> tree(Path dir) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return m;
    }

    @Test
    void sameSeedGivesByteIdenticalFilesWithOneOrTwoThreads(@TempDir Path a, @TempDir Path b, @TempDir Path c)
            throws IOException {
        PhantomConfig base = PhantomConfig.defaults(a).withSize(40).withCount(40).withSeed(3);
        PhantomGenerator.generate(base.withThreads(1), false);
        PhantomGenerator.generate(base.withOut(b).withThreads(2), false);
        Map<String, byte[]> ta = tree(a);
        Map<String, byte[]> tb = tree(b);
        assertEquals(ta.keySet(), tb.keySet());
        long images = PhantomGenerator.expectedImages(base).values().stream().mapToLong(Integer::longValue).sum();
        assertEquals(images, ta.keySet().stream().filter(k -> k.matches(".*\\.(png|jpeg|jpg|tif)")).count());
        for (String k : ta.keySet()) {
            assertArrayEquals(ta.get(k), tb.get(k), k);
        }

        PhantomGenerator.generate(base.withOut(c).withSeed(4), false);
        Map<String, byte[]> tc = tree(c);
        String first = "nih/images_001/images/00000001_000.png";
        assertFalse(Arrays.equals(ta.get(first), tc.get(first)), "another seed paints another picture");
        assertFalse(Arrays.equals(ta.get("siim/train-rle.csv"), tc.get("siim/train-rle.csv")));
    }
}
