package io.cobench.baselines.byol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.graph.MlpConfig;
import io.cobench.spi.SslMethod;
import io.cobench.testing.MethodContractTest;
import io.cobench.testing.SyntheticBatches;
import io.cobench.train.Schedules;
import io.cobench.train.TrainingSession;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class ByolTest extends MethodContractTest {

    static ByolConfig tiny() {
        return new ByolConfig(new MlpConfig(2, 32, 16, true, false), new MlpConfig(2, 32, 16, true, false), 0.9);
    }

    @Override
    protected SslMethod method() {
        return new Byol("byol", tiny());
    }

    @Test
    void targetWeightsChangeByExactlyTheEmaRule() {
        TrainingSession s = session(4);
        SyntheticBatches d = data();
        s.step(0, d.batch(0));
        Map<String, INDArray> targetBefore = new HashMap<>();
        s.variables().forEach((n, a) -> {
            if (n.startsWith("target/") && !n.contains("running_")) {
                targetBefore.put(n, a.dup());
            }
        });
        s.step(1, d.batch(1));
        double m = Schedules.emaMomentum(1, 4, 0.9);
        assertTrue(targetBefore.size() > 60, "target variables: " + targetBefore.size());
        for (var e : targetBefore.entrySet()) {
            INDArray online = s.sd().getArrForVarName("online/" + e.getKey().substring("target/".length()));
            INDArray expect = e.getValue().mul(m).addi(online.mul(1 - m));
            INDArray actual = s.sd().getArrForVarName(e.getKey());
            assertTrue(expect.equalsWithEps(actual, 1e-6), e.getKey());
        }
    }

    @Test
    void targetStartsAsACopyOfTheOnlineNetwork() {
        TrainingSession s = session(1);
        int compared = 0;
        for (var e : s.variables().entrySet()) {
            if (e.getKey().startsWith("target/") && !e.getKey().contains("running_")) {
                INDArray online = s.sd().getArrForVarName("online/" + e.getKey().substring("target/".length()));
                assertTrue(online.equalsWithEps(e.getValue(), 0.0), e.getKey());
                compared++;
            }
        }
        // ResNet-18: 20 convolutions and 20 BNs (gamma, beta); projector: fc0 W, fc1 W and b, bn0 gamma and beta.
        assertEquals(20 + 20 * 2 + 5, compared);
    }

    @Test
    void onlineAndTargetDifferAfterTraining() {
        TrainingSession s = session(3);
        SyntheticBatches d = data();
        INDArray onlineInit = s.sd().getArrForVarName("online/encoder/stem/conv/W").dup();
        for (int i = 0; i < 3; i++) {
            s.step(i, d.batch(i));
        }
        INDArray online = s.sd().getArrForVarName("online/encoder/stem/conv/W");
        INDArray target = s.sd().getArrForVarName("target/encoder/stem/conv/W");
        assertFalse(online.equalsWithEps(target, 1e-7));
        assertFalse(online.equalsWithEps(onlineInit, 1e-7));
        // The predictor exists online only.
        assertTrue(s.sd().hasVariable("online/predictor/fc0/W"));
        assertFalse(s.sd().hasVariable("target/predictor/fc0/W"));
        assertEquals(s.sd().getArrForVarName("online/projector/fc1/W").length(),
                s.sd().getArrForVarName("target/projector/fc1/W").length());
    }
}
