package io.cobench.benchmark.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cobench.benchmark.grid.Domain;
import io.cobench.benchmark.grid.GridConfig;
import io.cobench.benchmark.grid.GridLoader;
import io.cobench.benchmark.grid.PretrainKey;
import io.cobench.run.RunConfig;
import io.cobench.spi.MethodRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped presets extend their scale's base, variants extend their parent, and a grid says what it overrides. */
class PresetCompositionTest {
    private static final MethodRegistry REGISTRY = MethodRegistry.load();

    @Test
    void everyPresetResolvesAndNamesItsOwnFile() throws Exception {
        for (String scale : List.of("cpu", "paper")) {
            try (var files = Files.list(Path.of("../configs", scale))) {
                List<Path> presets = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
                assertEquals(12, presets.size(), scale);
                for (Path f : presets) {
                    RunConfig rc = RunConfig.load(f);
                    assertEquals(f.getFileName().toString().replace(".yaml", ""), rc.method());
                    REGISTRY.resolveConfig(rc.method(), rc.params());
                }
            }
        }
    }

    @Test
    void variantsInheritFromTheirParentAndPresetsFromTheBase() {
        RunConfig nodec = RunConfig.load(Path.of("../configs/cpu/coboom-nodec.yaml"));
        RunConfig coboom = RunConfig.load(Path.of("../configs/cpu/coboom.yaml"));
        assertEquals(64, nodec.encoder().imageSize());          // coboom.yaml
        assertEquals(8, nodec.encoder().width());               // base/cpu.yaml
        assertEquals(coboom.train(), nodec.train());
        assertEquals(false, nodec.params().at("/decoder/enabled").asBoolean());
        assertEquals(0.0, nodec.params().get("gamma").asDouble(), 0);
        // What the variant does not write is its parent's: the quantizer from coboom's params.
        var resolved = io.cobench.io.Json.JSON.valueToTree(REGISTRY.resolveConfig("coboom-nodec", nodec.params()));
        assertEquals(32, resolved.at("/quantizer/size").asInt());
        RunConfig simclr = RunConfig.load(Path.of("../configs/cpu/simclr.yaml"));
        assertEquals(1.0e-6, simclr.train().optimizer().weightDecay(), 0);   // its own
        assertEquals(1.0, simclr.train().optimizer().baseLr(), 0);           // the base's
        assertEquals(300, RunConfig.load(Path.of("../configs/paper/swav.yaml")).train().epochs());
    }

    @Test
    void theDemoGridNamesWhatItOverridesInAPreset() {
        GridConfig demo = GridLoader.load(Path.of("../configs/grids/cpu-demo.yaml"));
        RunConfig preset = RunConfig.load(Path.of("../configs/cpu/coboom.yaml"));
        RunConfig run = TrainerPretrainer.runConfig(preset, new PretrainKey("coboom", Domain.CHEST, 0), demo, "/d/nih");
        Record cfg = REGISTRY.resolveConfig("coboom", run.params());
        List<String> o = TrainerPretrainer.overrides(preset, run, cfg);
        // The demo runs every method at CoBooM's own 64 px; only the shared batch differs.
        assertEquals(List.of("train.batchSize: 16 -> 32"), o);
        RunConfig byol = RunConfig.load(Path.of("../configs/cpu/byol.yaml"));
        RunConfig byolRun = TrainerPretrainer.runConfig(byol, new PretrainKey("byol", Domain.CHEST, 0), demo, "/d/nih");
        assertEquals(List.of("encoder.imageSize: 32 -> 64", "train.epochs: 4 -> 2"),
                TrainerPretrainer.overrides(byol, byolRun, REGISTRY.resolveConfig("byol", byolRun.params())));
    }
}
