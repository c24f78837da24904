package io.cobench.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cobench.cli.Cobench;
import io.cobench.engine.Npz;
import io.cobench.graph.ResNetConfig;
import io.cobench.io.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * PyTorch, given {@code cobench export}'s file, computes {@code cobench embed}'s features: the
 * check of conventions (padding, pooling, BN epsilon, weight layout) that gradient checks cannot
 * make. Runs scripts/torch-parity.py where /usr/bin/python3 has torch and torchvision (Debian's
 * python3-torch and python3-torchvision), and is skipped elsewhere.
 */
@Tag("slow")
class TorchParityTest {
    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path tmp;

    private static Path script;

    @BeforeAll
    static void needTorch() throws Exception {
        boolean torch = false;
        if (Files.isExecutable(Path.of(PYTHON))) {
            Process p = new ProcessBuilder(PYTHON, "-c", "import torch, torchvision").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            torch = p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
        }
        assumeTrue(torch, PYTHON + " has no torch and torchvision; skipping the PyTorch parity check");
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("scripts/torch-parity.py"))) {
            dir = dir.getParent();
        }
        assertTrue(dir != null, "scripts/torch-parity.py not found above " + Path.of("").toAbsolutePath());
        script = dir.resolve("scripts/torch-parity.py");
    }

    /** Runs export and embed on a random-BN encoder of {@code cfg}; returns {export, input, features}. */
    private Path[] exportAndEmbed(ResNetConfig cfg, long seed, int n) throws IOException {
        Path run = TestRuns.writeRun(tmp.resolve("run"), cfg, TestRuns.randomEncoder(cfg, seed));
        Path export = tmp.resolve("e.npz");
        Path input = tmp.resolve("x.npy");
        Path features = tmp.resolve("f.npy");
        Nd4j.writeAsNumpy(TestRuns.input(cfg, n, seed + 1), input.toFile());
        assertEquals(0, Cobench.commandLine().execute("export", "--run", run.toString(), "--out", export.toString()));
        assertEquals(0, Cobench.commandLine().execute("embed", "--run", run.toString(), "--input", input.toString(),
                "--out", features.toString(), "--batch", "4"));
        return new Path[] {export, input, features};
    }

    private record Outcome(int exit, JsonNode json, String output) {
    }

    private static Outcome parity(Path[] files) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(PYTHON, script.toString(), "--export", files[0].toString(), "--input",
                files[1].toString(), "--features", files[2].toString(), "--tolerance", "1e-3")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "torch-parity.py did not finish");
        List<String> lines = out.lines().filter(l -> l.startsWith("{")).toList();
        assertEquals(1, lines.size(), "expected one JSON line from torch-parity.py, got:\n" + out);
        return new Outcome(p.exitValue(), Json.JSON.readTree(lines.get(0)), out);
    }

    @Test
    void torchvisionsResnet18ComputesEmbedsFeatures() throws Exception {
        Outcome o = parity(exportAndEmbed(new ResNetConfig(18, 64, 3, 32), 21, 6));
        assertEquals("torchvision.models.resnet18", o.json().get("model").asText(), o.output());
        assertTrue(o.json().get("max_rel_diff").asDouble() < 1e-3, o.output());
        assertEquals(0, o.exit(), o.output());
    }

    @Test
    void anyWidthAndOneInputChannelMatchToo() throws Exception {
        Outcome o = parity(exportAndEmbed(new ResNetConfig(18, 4, 1, 64), 22, 5));
        assertEquals("torchvision BasicBlock, width 4", o.json().get("model").asText(), o.output());
        assertEquals(1, o.json().get("channels").asInt());
        assertTrue(o.json().get("max_rel_diff").asDouble() < 1e-3, o.output());
        assertEquals(0, o.exit(), o.output());
    }

    /** The check can fail: a stem kernel with its height and width swapped is caught. */
    @Test
    void aTransposedKernelIsCaught() throws Exception {
        Path[] files = exportAndEmbed(new ResNetConfig(18, 4, 3, 32), 23, 5);
        Map<String, INDArray> state = new LinkedHashMap<>(Npz.read(files[0]));
        state.put("conv1.weight", state.get("conv1.weight").permute(0, 1, 3, 2).dup('c'));
        Npz.write(files[0], state);
        Outcome o = parity(files);
        assertTrue(o.json().get("max_rel_diff").asDouble() > 1e-3, o.output());
        assertEquals(1, o.exit(), o.output());
    }
}
