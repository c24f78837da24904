package io.cobench.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.cli.UserError;
import io.cobench.engine.Npz;
import io.cobench.graph.ResNetConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class TorchNamesTest {
    private static final ResNetConfig CFG = new ResNetConfig(18, 4, 3, 32);

    @TempDir
    Path tmp;

    @Test
    void namesAndShapesAreTorchvisionsResnet18() {
        Map<String, INDArray> t = TorchNames.toTorch(TestRuns.weights(TestRuns.randomEncoder(CFG, 1)), CFG, "test");
        // stem 1 conv + 4 BN arrays, 8 blocks of 2 convs + 8 BN arrays, 3 shortcuts of 1 conv + 4 BN arrays
        assertEquals(5 + 8 * 10 + 3 * 5, t.size());
        assertEquals(List.of("conv1.weight", "bn1.weight", "bn1.bias", "bn1.running_mean", "bn1.running_var",
                "layer1.0.conv1.weight", "layer1.0.bn1.weight"), List.copyOf(t.keySet()).subList(0, 7));
        assertArrayEquals(new long[] {4, 3, 7, 7}, t.get("conv1.weight").shape());
        assertArrayEquals(new long[] {8, 4, 3, 3}, t.get("layer2.0.conv1.weight").shape());
        assertArrayEquals(new long[] {8, 4, 1, 1}, t.get("layer2.0.downsample.0.weight").shape());
        assertArrayEquals(new long[] {32}, t.get("layer4.1.bn2.running_var").shape());
        assertArrayEquals(new long[] {32}, t.get("layer4.0.downsample.1.bias").shape());
        assertTrue(!t.containsKey("layer1.0.downsample.0.weight"), "layer1 keeps width and stride: no shortcut conv");
        t.values().forEach(a -> assertEquals(DataType.FLOAT, a.dataType()));
    }

    @Test
    void resnet34HasTorchvisionsBlockCounts() {
        ResNetConfig c = new ResNetConfig(34, 2, 1, 32);
        Map<String, INDArray> t = TorchNames.toTorch(TestRuns.weights(TestRuns.randomEncoder(c, 2)), c, "test");
        // [3, 4, 6, 3] blocks
        assertEquals(5 + 16 * 10 + 3 * 5, t.size());
        assertTrue(t.containsKey("layer3.5.bn2.running_mean"));
        assertArrayEquals(new long[] {2, 1, 7, 7}, t.get("conv1.weight").shape());
    }

    @Test
    void convolutionsMoveFromKhKwInOutToOutInKhKw() {
        Map<String, INDArray> g = TestRuns.weights(TestRuns.randomEncoder(CFG, 3));
        Map<String, INDArray> t = TorchNames.toTorch(g, CFG, "test");
        INDArray sd = g.get("encoder/layer2/0/conv1/W");
        INDArray th = t.get("layer2.0.conv1.weight");
        assertArrayEquals(new long[] {3, 3, 4, 8}, sd.shape());
        // torch[o][i][y][x] is graph[y][x][i][o]
        assertEquals(sd.getFloat(0, 2, 3, 5), th.getFloat(5, 3, 0, 2));
        assertEquals(sd.getFloat(2, 1, 0, 7), th.getFloat(7, 0, 2, 1));
        assertEquals(g.get("encoder/stem/bn/gamma"), t.get("bn1.weight"));
        assertEquals(g.get("encoder/layer3/0/down/bn/running_var"), t.get("layer3.0.downsample.1.running_var"));
    }

    @Test
    void exportThenImportGivesTheSameWeightsAndIdenticalFeatures() {
        Map<String, INDArray> g = TestRuns.weights(TestRuns.randomEncoder(CFG, 4));
        Path f = tmp.resolve("e.npz");
        Npz.write(f, TorchNames.toTorch(g, CFG, "test"));
        Map<String, INDArray> back = TorchNames.fromTorch(Npz.read(f), CFG, f.toString());
        assertEquals(g.keySet(), back.keySet());
        for (String k : g.keySet()) {
            assertEquals(g.get(k), back.get(k), k);
        }
        INDArray x = TestRuns.input(CFG, 5, 7);
        INDArray a = new Embedder(CFG, g).embed(x);
        INDArray b = new Embedder(CFG, back).embed(x);
        assertArrayEquals(new long[] {5, 32}, a.shape());
        assertEquals(a, b);
        assertTrue(a.amaxNumber().doubleValue() > 0, "features of a random encoder are not all zero");
    }

    @Test
    void importIgnoresBatchCounterAndClassifierButNamesAnythingElse() {
        Map<String, INDArray> t = new LinkedHashMap<>(TorchNames.toTorch(
                TestRuns.weights(TestRuns.randomEncoder(CFG, 5)), CFG, "test"));
        t.put("bn1.num_batches_tracked", Nd4j.scalar(12L));
        t.put("fc.weight", Nd4j.zeros(DataType.FLOAT, 10, 32));
        t.put("fc.bias", Nd4j.zeros(DataType.FLOAT, 10));
        assertEquals(100, TorchNames.fromTorch(t, CFG, "sd.npz").size());

        Map<String, INDArray> extra = new LinkedHashMap<>(t);
        extra.put("layer5.0.conv1.weight", Nd4j.zeros(DataType.FLOAT, 1));
        UserError e = assertThrows(UserError.class, () -> TorchNames.fromTorch(extra, CFG, "sd.npz"));
        assertTrue(e.getMessage().contains("sd.npz") && e.getMessage().contains("layer5.0.conv1.weight"), e.getMessage());

        Map<String, INDArray> missing = new LinkedHashMap<>(t);
        missing.remove("layer3.1.bn1.bias");
        e = assertThrows(UserError.class, () -> TorchNames.fromTorch(missing, CFG, "sd.npz"));
        assertEquals("sd.npz: missing layer3.1.bn1.bias", e.getMessage());

        Map<String, INDArray> wide = new LinkedHashMap<>(t);
        wide.put("conv1.weight", Nd4j.zeros(DataType.FLOAT, 64, 3, 7, 7));
        e = assertThrows(UserError.class, () -> TorchNames.fromTorch(wide, CFG, "sd.npz"));
        assertTrue(e.getMessage().contains("conv1.weight has shape [64, 3, 7, 7]")
                && e.getMessage().contains("needs [4, 3, 7, 7]"), e.getMessage());
    }

    @Test
    void exportRefusesVariablesOutsideTheLayout() {
        Map<String, INDArray> g = new LinkedHashMap<>(TestRuns.weights(TestRuns.randomEncoder(CFG, 6)));
        g.put("encoder/head/W", Nd4j.zeros(DataType.FLOAT, 2, 2));
        UserError e = assertThrows(UserError.class, () -> TorchNames.toTorch(g, CFG, "run/encoder.sd"));
        assertTrue(e.getMessage().contains("encoder/head/W"), e.getMessage());
    }
}
