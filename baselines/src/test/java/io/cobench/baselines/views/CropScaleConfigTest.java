package io.cobench.baselines.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.cli.UserError;
import io.cobench.data.pipeline.TwoViewTransform;
import io.cobench.graph.ResNetConfig;
import io.cobench.io.Json;
import io.cobench.spi.MethodRegistry;
import io.cobench.run.PretrainData;
import io.cobench.run.RunConfig;
import org.junit.jupiter.api.Test;

/** data.cropScaleMin reaches the two-view pipeline, is refused by methods with views of their own. */
class CropScaleConfigTest {
    private static final String HEAD = "method: byol\nencoder: {depth: 18, width: 8, channels: 1, imageSize: 32}\n"
            + "train: {epochs: 1, maxSteps: 0, batchSize: 4, seed: 0, optimizer: {type: lars, baseLr: 1.0, scaleByBatch: true, "
            + "weightDecay: 1.5e-6, momentum: 0.9, beta1: 0.9, beta2: 0.999, eps: 1.0e-8, eta: 0.001, warmupFraction: 0.1, "
            + "finalLrFraction: 0.0, clipNorm: 0.0}, checkpointEvery: 0, logEvery: 1, gcEvery: 0}\n";
    private static final ResNetConfig ENC = new ResNetConfig(18, 8, 1, 32);

    private static RunConfig parse(String data) throws Exception {
        return RunConfig.parse(Json.YAML.readTree(HEAD + data), "c.yaml");
    }

    @Test
    void leftOutItKeepsTheOfficialCropsAndStaysOutOfTheResolvedConfig() throws Exception {
        RunConfig c = parse("data: {dataset: nih, roots: {}, limit: 0, workers: 1}\n");
        assertNull(c.data().cropScaleMin());
        var views = (TwoViewTransform) PretrainData.views(MethodRegistry.load().create("byol", null), ENC, c.data());
        assertEquals(0.08, views.config().scaleMin());
        // A run stored before the field existed resumes under an unchanged resolved config.
        assertFalse(Json.JSON.valueToTree(c.data()).has("cropScaleMin"));
    }

    @Test
    void givenItNarrowsTheTwoViewCropsOnly() throws Exception {
        RunConfig c = parse("data: {dataset: nih, roots: {}, limit: 0, workers: 1, cropScaleMin: 0.4}\n");
        assertEquals(0.4, c.data().cropScaleMin());
        var views = (TwoViewTransform) PretrainData.views(MethodRegistry.load().create("simclr", null), ENC, c.data());
        assertEquals(0.4, views.config().scaleMin());
        assertEquals(1.0, views.config().scaleMax());
        UserError own = assertThrows(UserError.class,
                () -> PretrainData.views(MethodRegistry.load().create("pcrlv2", null), ENC, c.data()));
        assertTrue(own.getMessage().contains("data.cropScaleMin") && own.getMessage().contains("own views"),
                own.getMessage());
    }

    @Test
    void outsideTheUnitIntervalItIsAnErrorNamingFileAndField() {
        for (String bad : new String[] {"0", "1.5", "-0.2"}) {
            UserError e = assertThrows(UserError.class,
                    () -> parse("data: {dataset: nih, roots: {}, limit: 0, workers: 1, cropScaleMin: " + bad + "}\n"));
            assertTrue(e.getMessage().startsWith("c.yaml") && e.getMessage().contains("data.cropScaleMin"), e.getMessage());
        }
    }
}
