package io.cobench.baselines.supervised;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cobench.cli.UserError;
import io.cobench.io.Json;
import io.cobench.run.RunConfig;
import io.cobench.spi.MethodRegistry;
import io.cobench.spi.SslMethod;
import io.cobench.testing.MethodContractTest;
import io.cobench.train.TrainingSession;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SupervisedTest extends MethodContractTest {

    @Override
    protected SslMethod method() {
        return new Supervised("sup", new SupervisedConfig());
    }

    /** Weights and BN parameters of torchvision's ResNet-18 at base width w on c input channels, without fc. */
    static long resnet18Parameters(long w, long c) {
        long n = 7 * 7 * c * w + 2 * w;
        long cin = w;
        for (int stage = 0; stage < 4; stage++) {
            long cout = w << stage;
            for (int b = 0; b < 2; b++) {
                n += 9 * cin * cout + 9 * cout * cout + 4 * cout;
                if (cin != cout) {
                    n += cin * cout + 2 * cout;
                }
                cin = cout;
            }
        }
        return n;
    }

    @Test
    void graphHoldsTheRandomEncoderAndNothingElse() {
        TrainingSession s = session(1);
        assertFalse(method().pretrains());
        long params = 0;
        for (String v : s.trainableVariables()) {
            assertTrue(v.startsWith("encoder/"), "variable outside the encoder: " + v);
            params += s.sd().getArrForVarName(v).length();
        }
        assertEquals(resnet18Parameters(4, 1), params);
        assertTrue(s.graph().ema().isEmpty());
    }

    @Test
    void aPretrainingStepIsRefusedWithAMessage() {
        TrainingSession s = session(1);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.step(0, data().batch(0)));
        assertTrue(e.getMessage().contains("does not pretrain"), e.getMessage());
    }

    @Test
    void registeredAsSupWithAnEmptyConfig() throws Exception {
        MethodRegistry r = MethodRegistry.load();
        assertEquals("Sup.", r.provider("sup").tableRow("sup"));
        assertFalse(r.create("sup", null).pretrains());
        JsonNode written = Json.JSON.valueToTree(new SupervisedConfig());
        assertTrue(written.isObject() && written.isEmpty(), written.toString());
        UserError e = assertThrows(UserError.class, () -> r.resolveConfig("sup", Json.YAML.readTree("lr: 1\n")));
        assertTrue(e.getMessage().contains("unknown parameter 'lr'"), e.getMessage());
        for (String scale : List.of("cpu", "paper")) {
            RunConfig rc = RunConfig.load(Path.of("../configs", scale, "sup.yaml"));
            assertEquals("sup", rc.method());
            assertEquals(new SupervisedConfig(), r.resolveConfig(rc.method(), rc.params()));
            assertEquals(scale.equals("cpu") ? 32 : 224, rc.encoder().imageSize());
        }
    }
}
