package io.cobench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.cli.UserError;
import io.cobench.data.phantom.PhantomConfig;
import io.cobench.data.phantom.PhantomGenerator;
import io.cobench.data.pipeline.ImageCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhantomDataTest {
    @TempDir
    Path tmp;

    @Test
    void aFolderIsGeneratedOnceThenReusedAndRefusedForOtherSettings() throws Exception {
        PhantomConfig spec = PhantomConfig.defaults(tmp.resolve("ph")).withSize(32).withCount(20).withSeed(4)
                .withThreads(1);
        Path dir = PhantomData.ensure(spec, null);
        Path marker = dir.resolve(PhantomGenerator.MARKER);
        assertTrue(Files.isRegularFile(marker));
        FileTime made = Files.getLastModifiedTime(marker);
        Thread.sleep(20);
        assertEquals(dir, PhantomData.ensure(spec, null));
        assertEquals(made, Files.getLastModifiedTime(marker), "a matching folder is reused, not regenerated");
        UserError e = assertThrows(UserError.class, () -> PhantomData.ensure(spec.withCount(24), null));
        assertTrue(e.getMessage().contains("count 20") && e.getMessage().contains("count 24"), e.getMessage());
        // The default `pretrain` settings are not this folder's either.
        assertThrows(UserError.class, () -> PhantomData.ensure(dir, null));
    }

    @Test
    void cacheFilesOfTwoDatasetFoldersDoNotCollide() {
        Path cache = tmp.resolve("cache");
        Path a = ImageCache.file(cache, "nih", "eval", tmp.resolve("a/nih"), 64, 1);
        Path b = ImageCache.file(cache, "nih", "eval", tmp.resolve("b/nih"), 64, 1);
        assertNotEquals(a, b);
        assertEquals(a, ImageCache.file(cache, "nih", "eval", tmp.resolve("x/../a/nih"), 64, 1));
        assertNotEquals(a, ImageCache.file(cache, "nih", "pretrain", tmp.resolve("a/nih"), 64, 1));
        assertEquals(cache, a.getParent());
    }
}
