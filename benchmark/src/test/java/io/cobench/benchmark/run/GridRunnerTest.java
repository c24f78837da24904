package io.cobench.benchmark.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.benchmark.SyntheticData;
import io.cobench.benchmark.TestGrids;
import io.cobench.benchmark.data.DownstreamData;
import io.cobench.benchmark.grid.Cell;
import io.cobench.benchmark.grid.Downstream;
import io.cobench.benchmark.grid.GridConfig;
import io.cobench.benchmark.grid.GridPlan;
import io.cobench.benchmark.grid.Shard;
import io.cobench.benchmark.metrics.Metrics;
import io.cobench.benchmark.store.CellMetrics;
import io.cobench.benchmark.store.CellWriter;
import io.cobench.benchmark.store.ResultsStore;
import io.cobench.cli.UserError;
import io.cobench.engine.Engine;
import io.cobench.spi.MethodRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow")
class GridRunnerTest {
    static final List<String> NIH_CLASSES = List.of("Atelectasis", "Cardiomegaly", "Effusion", "No Finding");

    @TempDir
    Path tmp;

    /** Thrown from a listener to stand for the process being killed between two cells. */
    static final class Kill extends Error {
        Kill() {
            super("simulated kill");
        }
    }

    @BeforeAll
    static void engine() {
        Engine.start(null);
    }

    static DataProvider data() {
        Map<Downstream, DownstreamData> m = new EnumMap<>(Downstream.class);
        m.put(Downstream.NIH, new SyntheticData(Downstream.NIH, NIH_CLASSES, 60, 30, 32, 1.0, 1));
        m.put(Downstream.SIIM, new SyntheticData(Downstream.SIIM, List.of("Pneumothorax"), 40, 16, 32, 1.5, 2));
        return m::get;
    }

    /** Linear probes only: resuming and sharding do not depend on the protocol, and probes are cheap. */
    private GridConfig grid(List<String> methods) {
        return TestGrids.grid(methods, Map.of("nih", List.of(10, 100)), List.of("linear"), List.of(0, 1), null);
    }

    private GridRunner runner(GridConfig g, ResultsStore store, Pretrainer p, GridRunner.Listener l,
                              ByteArrayOutputStream log) {
        return runner(g, store, p, l, log, 1);
    }

    private GridRunner runner(GridConfig g, ResultsStore store, Pretrainer p, GridRunner.Listener l,
                              ByteArrayOutputStream log, int workers) {
        MethodCatalog methods = new MethodCatalog(MethodRegistry.load(), Path.of(g.pretrain().presets()));
        return new GridRunner(g, store, data(), p, methods, new PrintStream(log, true, StandardCharsets.UTF_8), l,
                false, workers);
    }

    @Test
    void parallelWorkersGiveTheSameNumbers() {
        GridConfig g = TestGrids.grid(List.of("sup", "byol"), Map.of("nih", List.of(100)), List.of("linear", "finetune"),
                List.of(0), null);
        ResultsStore one = ResultsStore.open(tmp.resolve("one"), g.name());
        ResultsStore two = ResultsStore.open(tmp.resolve("two"), g.name());
        runner(g, one, new FakePretrainer(), new GridRunner.Listener() { }, new ByteArrayOutputStream(), 1)
                .run(GridPlan.of(g));
        List<Cell> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        GridRunner.Summary s = runner(g, two, new FakePretrainer(), new GridRunner.Listener() {
            @Override
            public void cellFinished(Cell cell, CellMetrics m) {
                seen.add(cell);
            }
        }, new ByteArrayOutputStream(), 2).run(GridPlan.of(g));
        assertEquals(4, s.evaluated());
        assertEquals(4, new HashSet<>(seen).size());
        for (Cell c : GridPlan.of(g).cells()) {
            CellMetrics a = CellWriter.read(one.evalDir(c));
            CellMetrics b = CellWriter.read(two.evalDir(c));
            assertEquals(a.aucPerClass(), b.aucPerClass(), c.id());
            assertEquals(a.value(), b.value(), c.id());
        }
    }

    @Test
    void identicalEncodersUnderTwoMethodNamesGetIdenticalMetricsInEveryProtocol() {
        // FakePretrainer seeds the encoder from the pretraining seed alone, so byol and simclr get the
        // same weights here; any difference in their cells would come from the evaluation's own seeds.
        GridConfig g = TestGrids.grid(List.of("byol", "simclr"), Map.of("nih", List.of(10, 100), "siim", List.of(100)),
                List.of("linear", "finetune"), List.of(0), null);
        ResultsStore store = ResultsStore.open(tmp, g.name());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        GridRunner.Summary s = runner(g, store, new FakePretrainer(), new GridRunner.Listener() { }, log)
                .run(GridPlan.of(g));
        assertTrue(s.ok(), log.toString(StandardCharsets.UTF_8));
        int pairs = 0;
        for (Cell c : GridPlan.of(g).cells()) {
            if (!c.method().equals("byol")) {
                continue;
            }
            Cell twin = new Cell(c.protocol(), c.dataset(), c.fraction(), "simclr", c.seed());
            CellMetrics a = CellWriter.read(store.evalDir(c));
            CellMetrics b = CellWriter.read(store.evalDir(twin));
            assertEquals(a.value(), b.value(), c.id());
            assertEquals(a.aucPerClass(), b.aucPerClass(), c.id());
            assertEquals(a.diceMean(), b.diceMean(), c.id());
            pairs++;
        }
        assertEquals(6, pairs);
    }

    @Test
    void killedRunResumesWithoutLosingOrRepeatingCells() throws IOException {
        GridConfig g = grid(List.of("sup", "byol"));
        GridPlan plan = GridPlan.of(g);
        assertEquals(8, plan.cells().size());
        ResultsStore store = ResultsStore.open(tmp, g.name());
        FakePretrainer pre = new FakePretrainer();
        List<Cell> first = new ArrayList<>();
        GridRunner.Listener killAfter3 = new GridRunner.Listener() {
            @Override
            public void cellFinished(Cell cell, CellMetrics m) {
                first.add(cell);
                if (first.size() == 3) {
                    throw new Kill();
                }
            }
        };
        assertThrows(Kill.class, () -> runner(g, store, pre, killAfter3, new ByteArrayOutputStream()).run(plan));
        assertEquals(3, first.size());
        for (Cell c : first) {
            assertTrue(ResultsStore.isDone(store.evalDir(c)));
        }
        // A half-written cell, as a kill in the middle of writing leaves it: files but no DONE.
        Cell partial = plan.cells().stream().filter(c -> !first.contains(c)).findFirst().orElseThrow();
        Files.createDirectories(store.evalDir(partial));
        Files.writeString(store.evalDir(partial).resolve("predictions.csv"), "id,truncated");
        Map<Cell, String> doneAt = new java.util.HashMap<>();
        for (Cell c : first) {
            doneAt.put(c, Files.readString(store.evalDir(c).resolve(ResultsStore.DONE)));
        }

        List<Cell> second = new ArrayList<>();
        GridRunner.Summary s = runner(g, store, pre, new GridRunner.Listener() {
            @Override
            public void cellFinished(Cell cell, CellMetrics m) {
                second.add(cell);
            }
        }, new ByteArrayOutputStream()).run(plan);
        assertEquals(3, s.alreadyDone());
        assertEquals(5, s.evaluated());
        assertTrue(s.ok());
        Set<Cell> union = new HashSet<>(first);
        for (Cell c : second) {
            assertTrue(union.add(c), c + " was evaluated twice");
        }
        assertEquals(new HashSet<>(plan.cells()), union);
        for (Cell c : plan.cells()) {
            assertTrue(ResultsStore.isDone(store.evalDir(c)), c.id());
        }
        for (Cell c : first) {
            assertEquals(doneAt.get(c), Files.readString(store.evalDir(c).resolve(ResultsStore.DONE)), "rewritten: " + c);
        }
        assertFalse(Files.readString(store.evalDir(partial).resolve("predictions.csv")).contains("truncated"));
        // The byol encoder was pretrained once although its unit spans both runs.
        assertEquals(List.of("byol__chest__s0", "byol__chest__s1"), pre.runs);
        // A third run finds nothing to do.
        GridRunner.Summary third = runner(g, store, pre, new GridRunner.Listener() { }, new ByteArrayOutputStream())
                .run(plan);
        assertEquals(0, third.evaluated());
        assertEquals(8, third.alreadyDone());
    }

    @Test
    void twoShardsFillOneStoreExactlyOnce() {
        GridConfig g = grid(List.of("sup", "byol"));
        GridPlan plan = GridPlan.of(g);
        ResultsStore store = ResultsStore.open(tmp, g.name());
        FakePretrainer pre = new FakePretrainer();
        List<Cell> evaluated = new ArrayList<>();
        GridRunner.Listener count = new GridRunner.Listener() {
            @Override
            public void cellFinished(Cell cell, CellMetrics m) {
                evaluated.add(cell);
            }
        };
        int total = 0;
        for (int k = 1; k <= 2; k++) {
            GridPlan shard = plan.shard(new Shard(k, 2));
            assertTrue(shard.cells().size() > 0, "shard " + k + " is empty");
            total += runner(g, store, pre, count, new ByteArrayOutputStream()).run(shard).evaluated();
        }
        assertEquals(8, total);
        assertEquals(8, new HashSet<>(evaluated).size());
        assertEquals(8, evaluated.size());
        assertEquals(2, pre.runs.size());
    }

    @Test
    void unregisteredMethodIsReportedAndLeftEmpty() {
        GridConfig g = grid(List.of("sup", "nosuchmethod"));
        ResultsStore store = ResultsStore.open(tmp, g.name());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        GridRunner.Summary s = runner(g, store, new FakePretrainer(), new GridRunner.Listener() { }, log)
                .run(GridPlan.of(g));
        assertEquals(List.of("nosuchmethod"), s.missingMethods());
        assertEquals(4, s.evaluated());
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("method 'nosuchmethod' (nosuchmethod) is not "
                + "registered in this build"), log.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(store.root().resolve("eval/linear__nih__f10__nosuchmethod__s0")));
    }

    @Test
    void finishedCellsOfAnotherConfigAreNeverMixed() {
        GridConfig g = grid(List.of("sup"));
        ResultsStore store = ResultsStore.open(tmp, g.name());
        runner(g, store, new FakePretrainer(), new GridRunner.Listener() { }, new ByteArrayOutputStream())
                .run(GridPlan.of(g));
        GridConfig changed = new GridConfig(g.name(), g.methods(), g.protocols(), g.datasets(), g.seeds(),
                "test-parity", g.encoder(), g.pretrain(), g.eval(), g.data(), g.gradcam());
        UserError e = assertThrows(UserError.class, () -> runner(changed, store, new FakePretrainer(),
                new GridRunner.Listener() { }, new ByteArrayOutputStream()).run(GridPlan.of(changed)));
        assertTrue(e.getMessage().contains("was computed with config sha256:"), e.getMessage());
        // In a store of its own, the paper-parity grid runs and marks every cell.
        ResultsStore parity = ResultsStore.open(tmp.resolve("parity"), g.name());
        runner(changed, parity, new FakePretrainer(), new GridRunner.Listener() { }, new ByteArrayOutputStream())
                .run(GridPlan.of(changed));
        for (Cell c : GridPlan.of(changed).cells()) {
            assertEquals("test-parity", CellWriter.read(parity.evalDir(c)).selection());
        }
    }

    @Test
    void everyProtocolStoresMetricsThatItsFilesReproduce() throws IOException {
        GridConfig g = TestGrids.grid(List.of("sup"), Map.of("nih", List.of(100), "siim", List.of(100)),
                List.of("linear", "finetune"), List.of(0),
                new GridConfig.GradCamSpec(List.of("Atelectasis", "Effusion"), "linear", 100, 3, 2));
        ResultsStore store = ResultsStore.open(tmp, g.name());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        GridRunner.Summary s = runner(g, store, new FakePretrainer(), new GridRunner.Listener() { }, log)
                .run(GridPlan.of(g));
        assertTrue(s.ok(), log.toString(StandardCharsets.UTF_8));
        assertEquals(4, s.evaluated());
        assertEquals(1, s.gradcams());
        for (Cell c : GridPlan.of(g).cells()) {
            Path dir = store.evalDir(c);
            CellMetrics m = CellWriter.read(dir);
            assertEquals(m, CellWriter.rescore(dir, Metrics.DEFAULT), c.id());
            assertTrue(m.value() >= 0 && m.value() <= 1, c.id() + " " + m.value());
            assertEquals("val", m.selection());
            assertEquals(c.id(), m.cell());
            assertEquals("Sup.", m.row());
            if (c.dataset() == Downstream.NIH) {
                assertEquals("AUC", m.metric());
                assertEquals(30, m.nTest());
                assertEquals(NIH_CLASSES, m.classes());
                assertEquals(31, Files.readAllLines(dir.resolve("predictions.csv")).size());
                // The 14-finding mean leaves "No Finding" out.
                double sum = 0;
                for (String k : List.of("Atelectasis", "Cardiomegaly", "Effusion")) {
                    sum += m.aucPerClass().get(k);
                }
                assertEquals(sum / 3, m.aucMean14(), 1e-12);
                Path spectrum = dir.resolve(CellWriter.SPECTRUM);
                if (c.protocol() == io.cobench.benchmark.grid.Protocol.LINEAR) {
                    // one eigenvalue per feature; the rank lies between one direction and all of them
                    int features = Files.readAllLines(spectrum).size() - 1;
                    assertTrue(features >= 2, "features: " + features);
                    assertTrue(m.featureRank() >= 1 && m.featureRank() <= features, "rank " + m.featureRank());
                    assertTrue(m.featureTopShare() >= 1.0 / features && m.featureTopShare() <= 1, "top " + m.featureTopShare());
                } else {
                    assertFalse(Files.exists(spectrum), "fine-tuning changes the encoder: no frozen features");
                    assertNull(m.featureRank());
                }
            } else {
                assertEquals("Dice", m.metric());
                assertEquals(16, Files.readAllLines(dir.resolve("per_image.csv")).size() - 1);
                // What `cobench score dice` does: the stored PNG masks against the stored truth.
                io.cobench.reports.metrics.Dice.Accumulator acc = new io.cobench.reports.metrics.Dice.Accumulator();
                List<Path> pngs;
                try (var masks = Files.list(dir.resolve("masks"))) {
                    pngs = masks.sorted().toList();
                }
                assertEquals(16, pngs.size());
                for (Path p : pngs) {
                    acc.add(io.cobench.reports.metrics.Dice.binarize(io.cobench.reports.io.MaskPng.read(p).values()),
                            io.cobench.reports.metrics.Dice.binarize(io.cobench.reports.io.MaskPng.read(
                                    dir.resolve("truth").resolve(p.getFileName())).values()));
                }
                assertEquals(m.diceMean(), acc.summary().mean(), 1e-12, c.id());
                assertEquals(m.dicePooled(), acc.summary().pooled(), 1e-12, c.id());
                assertTrue(m.dicePooled() >= 0 && m.dicePooled() <= 1);
            }
            assertTrue(Files.readString(dir.resolve("provenance.json")).contains("\"git_commit\""));
        }
        // Grad-CAM overlays for the boxed test images (at most 3 per class) and the pointing-game table.
        Path cam = store.gradcamDir().resolve("sup");
        assertTrue(ResultsStore.isDone(cam));
        try (var pngs = Files.list(cam.resolve("Atelectasis"))) {
            assertEquals(3, pngs.filter(p -> p.toString().endsWith(".png")).count());
        }
        List<String> pointing = Files.readAllLines(store.gradcamDir().resolve("pointing.csv"));
        assertEquals("method,class,images,hits,score", pointing.get(0));
        assertEquals(3, pointing.size());
        assertTrue(pointing.get(1).startsWith("sup,Atelectasis,3,"), pointing.get(1));
    }
}
