package io.cobench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.data.BadImagePolicy;
import io.cobench.data.phantom.PhantomConfig;
import io.cobench.data.phantom.PhantomGenerator;
import io.cobench.graph.ResNetConfig;
import io.cobench.testing.TinyMethod;
import io.cobench.spi.OptimizerConfig;
import io.cobench.train.TrainConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Images left out by --on-bad-image skip are reported on the console, not only in provenance. */
class SkippedImagesConsoleTest {

    @Test
    void skippedImagesAreCountedAndNamedOnTheConsole(@TempDir Path tmp) throws Exception {
        PhantomGenerator.generate(PhantomConfig.defaults(tmp).withSize(32).withCount(20).withSeed(2).withThreads(1)
                .withDatasets(EnumSet.of(PhantomConfig.PhantomDataset.NIH)), false);
        List<Path> pngs;
        try (Stream<Path> s = Files.walk(tmp.resolve("nih"))) {
            pngs = s.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        Files.writeString(pngs.get(0), "<html>not an image</html>");
        Files.write(pngs.get(1), new byte[0]);
        RunConfig cfg = new RunConfig("tiny", null, new ResNetConfig(18, 1, 1, 32),
                new TrainConfig(1, 0, 4, 0, OptimizerConfig.sgd(0.1, 0, 0), 0, 1, 0), DataConfig.of("nih", null, 0, 1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PretrainData.Prepared p = PretrainData.prepare(new TinyMethod(), cfg.encoder(), cfg, tmp.resolve("nih"),
                tmp.resolve("cache"), BadImagePolicy.skip(), new PrintStream(out, true, StandardCharsets.UTF_8));
        p.source().close();
        List<?> skipped = (List<?>) p.fingerprint().get("skipped_images");
        assertEquals(2, skipped.size());
        String console = out.toString(StandardCharsets.UTF_8);
        String line = console.lines().filter(l -> l.startsWith("skipped ")).findFirst().orElse("");
        assertTrue(line.startsWith("skipped 2 unreadable images (--on-bad-image skip): "), console);
        for (Object id : skipped) {
            assertTrue(line.contains(id.toString()), line);
        }
    }

    @Test
    void longListsShowTheFirstFive() {
        assertEquals("skipped 7 unreadable images (--on-bad-image skip): a, b, c, d, e and 2 more; all are listed "
                + "in provenance.json under data.skipped_images",
                PretrainData.skipSummary(List.of("a", "b", "c", "d", "e", "f", "g")));
    }
}
