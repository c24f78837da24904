package io.cobench.benchmark.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.cli.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GridLoaderTest {
    @TempDir
    Path tmp;

    @Test
    void shippedGridsLoadWithTheirEvalFiles() {
        GridConfig cpu = GridLoader.load(Path.of("../configs/grids/cpu-demo.yaml"));
        assertEquals("cpu-demo", cpu.name());
        assertEquals(List.of(1, 5, 10, 30, 100), cpu.datasets().get("nih"));
        assertEquals(List.of(Downstream.NIH, Downstream.SIIM, Downstream.MURED, Downstream.ODIR), cpu.downstreams());
        assertEquals(64, cpu.encoder().imageSize());
        assertEquals(3.0e-2, cpu.eval().linear().lr(), 0);
        assertEquals(3.0e-3, GridLoader.load(Path.of("../configs/grids/paper.yaml")).eval().linear().lr(), 0);
        assertEquals(0.5, cpu.eval().segmentation().threshold(), 0);
        // One default phantom set: the demo grid reads the folder and settings `pretrain` uses.
        assertEquals(io.cobench.data.phantom.PhantomConfig.DEFAULT_DIR, cpu.data().phantom().dir());
        assertEquals(io.cobench.data.phantom.PhantomConfig.DEFAULT_SIZE, cpu.data().phantom().size());
        assertEquals(io.cobench.data.phantom.PhantomConfig.DEFAULT_COUNT, cpu.data().phantom().count());
        assertEquals(io.cobench.data.phantom.PhantomConfig.DEFAULT_SEED, cpu.data().phantom().seed());
        assertEquals(0.2, cpu.data().valFraction(), 0);
        GridConfig paper = GridLoader.load(Path.of("../configs/grids/paper.yaml"));
        assertEquals(224, paper.encoder().imageSize());
        assertEquals(1.0e-4, paper.eval().finetune().lr(), 0);
        assertEquals(1.0, paper.eval().finetune().clipNorm(), 0);
        assertNull(paper.data().phantom());
        assertEquals("/data/nih", paper.data().roots().get("nih"));
    }

    @Test
    void unknownFieldIsNamedWithTheFile() throws IOException {
        Path f = write("typo.yaml", base().replace("seeds: [0]", "seeds: [0]\nseedz: [1]"));
        UserError e = assertThrows(UserError.class, () -> GridLoader.load(f));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("unknown field 'seedz'"), e.getMessage());
    }

    @Test
    void badValuesAreNamed() throws IOException {
        Path f = write("frac.yaml", base().replace("nih: [1, 100]", "nih: [0, 100]"));
        UserError e = assertThrows(UserError.class, () -> GridLoader.load(f));
        assertTrue(e.getMessage().contains("datasets.nih: label fractions are percentages 1..100, got 0"),
                e.getMessage());
        Path g = write("sel.yaml", base().replace("selection: val", "selection: test"));
        assertTrue(assertThrows(UserError.class, () -> GridLoader.load(g)).getMessage()
                .contains("selection must be val or test-parity, got 'test'"));
        Path h = write("ds.yaml", base().replace("nih: [1, 100]", "chexpert: [1]"));
        assertTrue(assertThrows(UserError.class, () -> GridLoader.load(h)).getMessage()
                .contains("unknown downstream dataset 'chexpert'"));
        Path i = write("noeval.yaml", base().replace("eval: ../../configs/eval/cpu.yaml\n", "eval: nowhere.yaml\n"));
        assertTrue(assertThrows(UserError.class, () -> GridLoader.load(i)).getMessage()
                .contains("eval file 'nowhere.yaml' not found"));
    }

    @Test
    void missingSectionIsNamed() throws IOException {
        Path f = write("nodata.yaml", base().replaceAll("(?s)data:.*valFraction: 0.2\n", ""));
        assertTrue(assertThrows(UserError.class, () -> GridLoader.load(f)).getMessage()
                .contains("field 'data' is missing"));
    }

    private Path write(String name, String text) throws IOException {
        Path sub = tmp.resolve("grids");
        Files.createDirectories(sub);
        Path f = sub.resolve(name);
        Files.writeString(f, text.replace("../../configs/eval/cpu.yaml",
                Path.of("../configs/eval/cpu.yaml").toAbsolutePath().normalize().toString()));
        return f;
    }

    @Test
    void aGridWithoutAMethodListTakesEveryRegisteredMethod() throws IOException {
        Path f = write("all.yaml", base().replace("methods: [sup]\n", ""));
        List<String> registered = io.cobench.spi.MethodRegistry.load().names();
        // The eight methods and CoBooM's four presets are on this module's class path.
        assertEquals(12, registered.size());
        assertEquals(registered, GridLoader.load(f).methods());
        assertEquals(List.of("sup"), GridLoader.load(write("one.yaml", base())).methods());
    }

    @Test
    void theStudysEvalFileExtendsTheDemosAndChangesOnlyWhatItWrites() {
        GridConfig study = GridLoader.load(Path.of("../configs/grids/cpu-study.yaml"));
        GridConfig demo = GridLoader.load(Path.of("../configs/grids/cpu-demo.yaml"));
        assertEquals(demo.eval().linear(), study.eval().linear());
        assertEquals(150, study.eval().finetune().maxSteps());
        assertEquals(40, study.eval().segmentation().linear().maxSteps());
        // Written only in the demo's file: the segmentation learning rate and threshold.
        assertEquals(demo.eval().segmentation().linear().lr(), study.eval().segmentation().linear().lr(), 0);
        assertEquals(demo.eval().segmentation().threshold(), study.eval().segmentation().threshold(), 0);
    }

    static String base() {
        return """
                name: t
                methods: [sup]
                protocols: [linear]
                datasets:
                  nih: [1, 100]
                seeds: [0]
                selection: val
                encoder: {depth: 18, width: 4, channels: 1, imageSize: 32}
                pretrain: {presets: ../cpu, epochs: 1, batchSize: 4, maxImages: 0}
                eval: ../../configs/eval/cpu.yaml
                data:
                  phantom: {dir: x, size: 32, count: 40, seed: 0}
                  roots: {}
                  valFraction: 0.2
                """;
    }
}
