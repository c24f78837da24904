package io.cobench.data.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import io.cobench.cli.UserError;
import io.cobench.data.BadImagePolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decode once, resize, map; reuse while nothing changed, rebuild when anything did. */
class ImageCacheTest {
    @TempDir
    Path dir;
    private List<ImageCache.Source> sources;

    @BeforeEach
    void writeImages() throws IOException {
        sources = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 5; i++) {
            BufferedImage img = new BufferedImage(30 + 7 * i, 24 + 3 * i, BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    img.getRaster().setSample(x, y, 0, r.nextInt(256));
                }
            }
            Path p = dir.resolve("img" + i + ".png");
            ImageIO.write(img, "png", p.toFile());
            sources.add(new ImageCache.Source("id" + i, p));
        }
    }

    private static ImageCache.Spec spec(int size, int channels) {
        return new ImageCache.Spec(size, channels, BadImagePolicy.fail(), 2, false);
    }

    @Test
    void storesEachImageDecodedAndResized() throws IOException {
        Path file = dir.resolve("c.u8");
        ImageCache cache = ImageCache.open(file, sources, spec(16, 1));
        assertTrue(cache.wasBuilt());
        assertEquals(5, cache.count());
        for (int i = 0; i < 5; i++) {
            ImageU8 expected = Resampler.resize(ImageDecoder.decode("id" + i, sources.get(i).file(), 1), 16, 16);
            ImageU8 got = cache.image(i);
            assertEquals("id" + i, got.id());
            assertEquals(16, got.height());
            assertEquals(16, got.width());
            assertEquals(1, got.channels());
            assertArrayEquals(expected.pixels(), got.pixels());
            assertEquals(i, cache.indexOf("id" + i));
        }
        assertEquals(-1, cache.indexOf("nope"));
        assertEquals(5, cache.entries().stream().map(ImageCache.Entry::offset).distinct().count());
        try (Stream<Path> s = Files.list(dir)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @Test
    void reusesAnUnchangedCacheAndRebuildsOnSizeChannelsOrSourceChange() throws IOException {
        Path file = dir.resolve("c.u8");
        ImageCache first = ImageCache.open(file, sources, spec(16, 1));
        FileTime built = Files.getLastModifiedTime(file);

        ImageCache again = ImageCache.open(file, sources, spec(16, 1));
        assertFalse(again.wasBuilt());
        assertEquals(first.fingerprint(), again.fingerprint());
        assertEquals(built, Files.getLastModifiedTime(file));
        assertArrayEquals(first.image(3).pixels(), again.image(3).pixels());

        ImageCache bigger = ImageCache.open(file, sources, spec(20, 1));
        assertTrue(bigger.wasBuilt());
        assertEquals(20, bigger.image(0).height());
        assertNotEquals(first.fingerprint(), bigger.fingerprint());

        ImageCache colour = ImageCache.open(file, sources, spec(20, 3));
        assertTrue(colour.wasBuilt());
        ImageU8 c = colour.image(2);
        assertEquals(3, c.channels());
        assertEquals(c.get(5, 5, 0), c.get(5, 5, 2));
        assertEquals(bigger.image(2).get(5, 5, 0), c.get(5, 5, 1));

        // a source edited in place (new size and time stamp) invalidates the cache
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
        ImageIO.write(img, "png", sources.get(1).file().toFile());
        Files.setLastModifiedTime(sources.get(1).file(), FileTime.fromMillis(System.currentTimeMillis() + 5000));
        ImageCache edited = ImageCache.open(file, sources, spec(20, 3));
        assertTrue(edited.wasBuilt());
        assertEquals(0, edited.image(1).get(10, 10, 0));

        // a different list of sources is a different cache
        ImageCache fewer = ImageCache.open(file, sources.subList(0, 4), spec(20, 3));
        assertTrue(fewer.wasBuilt());
        assertEquals(4, fewer.count());
    }

    @Test
    void aTruncatedOrForeignFileIsRebuiltNotRead() throws IOException {
        Path file = dir.resolve("c.u8");
        ImageCache.open(file, sources, spec(16, 1));
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));
        ImageCache healed = ImageCache.open(file, sources, spec(16, 1));
        assertTrue(healed.wasBuilt());
        assertEquals(whole.length, Files.size(file));
        Files.writeString(file, "something else entirely");
        assertTrue(ImageCache.open(file, sources, spec(16, 1)).wasBuilt());
    }

    @Test
    void badImagesFailWithTheFileNameOrAreSkippedAndListed() throws IOException {
        Path broken = dir.resolve("broken.png");
        Files.writeString(broken, "garbage");
        List<ImageCache.Source> withBad = new ArrayList<>(sources);
        withBad.add(2, new ImageCache.Source("bad", broken));
        UserError e = assertThrows(UserError.class, () -> ImageCache.open(dir.resolve("f.u8"), withBad, spec(16, 1)));
        assertTrue(e.getMessage().contains("broken.png"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("f.u8")), "a failed build leaves no cache");

        BadImagePolicy policy = BadImagePolicy.skip();
        ImageCache skip = ImageCache.open(dir.resolve("s.u8"), withBad, new ImageCache.Spec(16, 1, policy, 2, false));
        assertEquals(List.of("bad"), skip.skipped());
        assertEquals(broken, policy.skipped().get(0).path());
        assertEquals(5, skip.count());
        assertEquals("id2", skip.id(2));
        assertArrayEquals(Resampler.resize(ImageDecoder.decode("id2", sources.get(2).file(), 1), 16, 16).pixels(),
                skip.image(2).pixels());
    }

    @Test
    void openingRemovesTempFilesOfKilledBuildsAndKeepsLiveOnes() throws IOException {
        Path file = dir.resolve("c.u8");
        ImageCache.open(file, sources, spec(16, 1));
        String own = ImageCache.tempFile(file).getFileName().toString();
        String host = own.substring(".c.u8.".length()).split("-")[0];
        // A pid above Linux's largest pid_max (2^22) belongs to no process: a killed builder.
        Path killed = dir.resolve(".c.u8." + host + "-99999999-1.tmp");
        long livePid = ProcessHandle.current().parent().orElseThrow().pid();
        Path running = dir.resolve(".c.u8." + host + "-" + livePid + "-1.tmp");
        Path elsewhereFresh = dir.resolve(".c.u8.otherhost-12-1.tmp");
        Path elsewhereOld = dir.resolve(".c.u8.otherhost-13-1.tmp");
        Path unrelated = dir.resolve(".d.u8." + host + "-99999999-1.tmp");
        for (Path p : List.of(killed, running, elsewhereFresh, elsewhereOld, unrelated)) {
            Files.write(p, new byte[1000]);
        }
        Files.setLastModifiedTime(elsewhereOld, FileTime.fromMillis(System.currentTimeMillis() - 2 * 3_600_000L));

        ImageCache again = ImageCache.open(file, sources, spec(16, 1));
        assertFalse(again.wasBuilt(), "the valid cache is reused; cleaning must not need a rebuild");
        assertFalse(Files.exists(killed), "temp file of a killed build survived");
        assertFalse(Files.exists(elsewhereOld), "temp file untouched for two hours survived");
        assertTrue(Files.exists(running), "temp file of a live build was deleted");
        assertTrue(Files.exists(elsewhereFresh), "another host's fresh temp file was deleted");
        assertTrue(Files.exists(unrelated), "another cache's temp file was deleted");
    }
}
