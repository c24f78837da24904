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
    void headsAreTheOfficialTwoLinearLayersAndLrIsLarsPointTwoScaled() {
        RunConfig rc = RunConfig.load(Path.of("../configs/paper/byol.yaml"));
        ByolConfig c = (ByolConfig) MethodRegistry.load().resolveConfig("byol", rc.params());
        assertEquals(ByolConfig.paper(), c);
        assertEquals(2, c.projector().depth());
        assertEquals(4096, c.projector().hidden());
        assertEquals(256, c.projector().out());
        assertEquals(2, c.predictor().depth());
        assertEquals(4096, c.predictor().hidden());
        assertEquals(0.996, c.tau0());
        // Official: LARS base lr 0.2 x B/256, wd 1.5e-6 -> 0.05 at batch 64.
        assertEquals("lars", rc.train().optimizer().type());
        assertEquals(0.05, rc.train().optimizer().peakLr(rc.train().batchSize()), 1e-12);
        assertEquals(1.5e-6, rc.train().optimizer().weightDecay());
    }
}
