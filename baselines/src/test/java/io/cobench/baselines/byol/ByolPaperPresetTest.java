package io.cobench.baselines.byol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cobench.run.RunConfig;
import io.cobench.spi.MethodRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The BYOL paper preset against the official code. The CoBooM paper's "three-layer MLP" heads
 * describe CoBooM; for baselines it says "following their official implementations". Official
 * BYOL (and the CoBooM authors' own MLP class) is Linear-BN-ReLU-Linear, so BYOL keeps two
 * linear layers (docs/fidelity.md, BYOL).
 */
class ByolPaperPresetTest {

    @Test
    void headsAndOptimiserAreTheOfficial300EpochPreset() {
        RunConfig rc = RunConfig.load(Path.of("../configs/paper/byol.yaml"));
        ByolConfig c = (ByolConfig) MethodRegistry.load().resolveConfig("byol", rc.params());
        assertEquals(ByolConfig.paper(), c);
        assertEquals(2, c.projector().depth());
        assertEquals(4096, c.projector().hidden());
        assertEquals(256, c.projector().out());
        assertEquals(2, c.predictor().depth());
        assertEquals(4096, c.predictor().hidden());
        // The official 300-epoch preset (the paper trains 300 epochs): EMA 0.99, LARS 0.3 x B/256,
        // wd 1e-6, so 0.075 at batch 64.
        assertEquals(300, rc.train().epochs());
        assertEquals(0.99, c.tau0());
        assertEquals("lars", rc.train().optimizer().type());
        assertEquals(0.075, rc.train().optimizer().peakLr(rc.train().batchSize()), 1e-12);
        assertEquals(1e-6, rc.train().optimizer().weightDecay());
    }
}
