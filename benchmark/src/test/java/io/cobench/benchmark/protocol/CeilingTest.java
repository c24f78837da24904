package io.cobench.benchmark.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cobench.benchmark.SyntheticData;
import io.cobench.benchmark.TestGrids;
import io.cobench.benchmark.grid.Downstream;
import io.cobench.benchmark.grid.GridConfig;
import io.cobench.benchmark.grid.TrainSpec;
import io.cobench.benchmark.model.EncoderWeights;
import io.cobench.io.Json;
import io.cobench.engine.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

class CeilingTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void engine() {
        Engine.start(null);
    }

    @Test
    void theCeilingTrainsTheEncoderOnTheLabelledTrainingSplitAndExportsIt() throws Exception {
        SyntheticData nih = new SyntheticData(Downstream.NIH, List.of("Atelectasis", "Effusion", "No Finding"), 80, 20,
                32, 1.5, 3);
        TrainSpec spec = new TrainSpec(3e-3, 16, 6, 0, 0.01, 1.0, "cosine", 3, 0.5);
        Ceiling.train(nih, TestGrids.ENCODER, spec, 7, tmp, null);

        // Every labelled training image of the 100% subset, in batches of 16, six epochs.
        int n = nih.train(100, 7).size();
        List<String> lines = Files.readAllLines(tmp.resolve("metrics.jsonl"));
        assertEquals(64, n, "four fifths of the 80-image pool");
        assertEquals(6 * 4, lines.size());
        JsonNode rec = Json.JSON.readTree(tmp.resolve("ceiling.json").toFile());
        assertEquals(n, rec.get("train_images").asInt());
        assertEquals(nih.val(100, 7).size(), rec.get("val_images").asInt());
        assertEquals(3, rec.get("val_auc_at_checks").size());

        // The loss falls over training: mean of the last sixth against the first sixth.
        double[] loss = lines.stream().mapToDouble(l -> readLoss(l)).toArray();
        int k = loss.length / 6;
        double first = java.util.Arrays.stream(loss, 0, k).average().orElseThrow();
        double last = java.util.Arrays.stream(loss, loss.length - k, loss.length).average().orElseThrow();
        assertTrue(last < first, "loss " + first + " -> " + last);

        // The exported encoder is the same architecture as the floor's, and trained away from it.
        EncoderWeights trained = EncoderWeights.load(tmp.resolve("encoder.sd"));
        EncoderWeights floor = EncoderWeights.random(TestGrids.ENCODER, 7);
        assertEquals(floor.arrays().keySet(), trained.arrays().keySet());
        double moved = 0;
        for (Map.Entry<String, INDArray> e : floor.arrays().entrySet()) {
            moved = Math.max(moved, e.getValue().sub(trained.arrays().get(e.getKey())).amaxNumber().doubleValue());
        }
        assertTrue(moved > 1e-3, "the encoder was not trained: max change " + moved);
    }

    private static double readLoss(String line) {
        try {
            return Json.JSON.readTree(line).get("loss").asDouble();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aGridWithTheCeilingNeedsItsTrainingSettingsAndChestDataOnly() {
        GridConfig ok = TestGrids.grid(List.of("sup", "supervised"), Map.of("nih", List.of(100)), List.of("linear"),
                List.of(0), null);
        IllegalArgumentException noSpec = assertThrows(IllegalArgumentException.class, () -> new GridConfig(ok.name(),
                ok.methods(), ok.protocols(), ok.datasets(), ok.seeds(), ok.selection(), ok.encoder(), ok.pretrain(),
                new io.cobench.benchmark.grid.EvalSpec(ok.eval().linear(), ok.eval().finetune(),
                        ok.eval().segmentation(), null), ok.data(), null));
        assertTrue(noSpec.getMessage().contains("eval.ceiling"), noSpec.getMessage());
        IllegalArgumentException fundus = assertThrows(IllegalArgumentException.class, () -> TestGrids.grid(
                List.of("supervised"), Map.of("nih", List.of(100), "odir", List.of(10)), List.of("linear"), List.of(0),
                null));
        assertTrue(fundus.getMessage().contains("odir"), fundus.getMessage());
    }
}
