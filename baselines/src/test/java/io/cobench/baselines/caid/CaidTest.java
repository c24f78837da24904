package io.cobench.baselines.caid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.data.views.CaidViewConfig;
import io.cobench.graph.MlpConfig;
import io.cobench.run.RunConfig;
import io.cobench.spi.MethodRegistry;
import io.cobench.spi.SslMethod;
import io.cobench.testing.MethodContractTest;
import io.cobench.testing.SyntheticBatches;
import io.cobench.train.TrainingSession;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class CaidTest extends MethodContractTest {

    /** Queue of 12 so that two batches of 8 wrap around it. */
    static CaidConfig tiny() {
        return new CaidConfig(new MlpConfig(2, 32, 16, false, false), 12, 0.2, 0.9, 1.0, 10.0,
                List.of(8, 8, 4, 4, 4), CaidViewConfig.paper(), 2);
    }

    @Override
    protected SslMethod method() {
        return new Caid("caid", tiny());
    }

    @Override
    protected String fallingTerm() {
        return "mse";
    }

    @Test
    void aBatchThatTheKeySubBatchesDoNotDivideIsRefusedBeforeTheGraphIsBuilt() {
        // tiny() splits the key encoder's batch norm into 2 sub-batches: 7 images cannot be split.
        io.cobench.cli.UserError e = org.junit.jupiter.api.Assertions.assertThrows(io.cobench.cli.UserError.class,
                () -> new TrainingSession(method(), encoder(),
                        new io.cobench.train.TrainConfig(1, 2, 7, 11, optimizer(), 0, 1, 5), 2));
        assertTrue(e.getMessage().startsWith("caid: train.batchSize 7 is not a multiple of keyBnGroups 2"), e.getMessage());
        new TrainingSession(method(), encoder(), new io.cobench.train.TrainConfig(1, 2, 6, 11, optimizer(), 0, 1, 5), 2);
    }

    @Test
    void keysEnterTheQueueInOrderAndTheKeyNetworkFollowsByConstantMomentum() {
        TrainingSession s = session(4);
        SyntheticBatches d = data();
        assertTrue(s.sd().getArrForVarName("key/encoder/stem/conv/W")
                .equals(s.sd().getArrForVarName("online/encoder/stem/conv/W")), "key must start as a copy");
        assertTrue(s.sd().getArrForVarName("key/head/fc1/W").equals(s.sd().getArrForVarName("online/head/fc1/W")));

        INDArray queue0 = s.sd().getArrForVarName("queue/keys").dup();
        Map<String, INDArray> b0 = d.batch(0);
        INDArray keys0 = s.sd().output(b0, "key_embedding").get("key_embedding").dup();
        s.step(0, b0);
        INDArray queue1 = s.sd().getArrForVarName("queue/keys").dup();
        assertEquals(8, Math.round(s.sd().getArrForVarName("queue/ptr").getDouble(0)));
        for (int i = 0; i < 12; i++) {
            INDArray expect = i < 8 ? keys0.getRow(i) : queue0.getRow(i);
            assertTrue(expect.equalsWithEps(queue1.getRow(i), 1e-5), "row " + i);
        }

        Map<String, INDArray> keyBefore = new HashMap<>();
        s.variables().forEach((n, a) -> {
            if (n.startsWith("key/") && !n.contains("running_")) {
                keyBefore.put(n, a.dup());
            }
        });
        Map<String, INDArray> b1 = d.batch(1);
        INDArray keys1 = s.sd().output(b1, "key_embedding").get("key_embedding").dup();
        s.step(1, b1);
        INDArray queue2 = s.sd().getArrForVarName("queue/keys");
        // Keys 0-3 of the second batch fill rows 8-11, keys 4-7 replace the oldest rows 0-3.
        for (int i = 0; i < 12; i++) {
            INDArray expect = i >= 8 ? keys1.getRow(i - 8) : i < 4 ? keys1.getRow(i + 4) : queue1.getRow(i);
            assertTrue(expect.equalsWithEps(queue2.getRow(i), 1e-5), "row " + i);
        }
        assertEquals(4, Math.round(s.sd().getArrForVarName("queue/ptr").getDouble(0)));

        assertTrue(keyBefore.size() > 60, "key variables: " + keyBefore.size());
        for (var e : keyBefore.entrySet()) {
            INDArray online = s.sd().getArrForVarName("online/" + e.getKey().substring("key/".length()));
            INDArray expect = e.getValue().mul(0.9).addi(online.mul(0.1));
            assertTrue(expect.equalsWithEps(s.sd().getArrForVarName(e.getKey()), 1e-6), e.getKey());
        }
        assertFalse(s.sd().hasVariable("key/decoder/block0/conv1/W"), "the key network has no decoder");
    }

    @Test
    void presetsResolveAndThePaperPresetIsThePaperDefault() {
        MethodRegistry reg = MethodRegistry.load();
        RunConfig paper = RunConfig.load(Path.of("../configs/paper/caid.yaml"));
        assertEquals(CaidConfig.paper(), reg.resolveConfig("caid", paper.params()));
        RunConfig cpu = RunConfig.load(Path.of("../configs/cpu/caid.yaml"));
        CaidConfig c = (CaidConfig) reg.resolveConfig("caid", cpu.params());
        assertEquals(256, c.queueSize());
        assertEquals(List.of(32, 16, 8, 4, 2), c.decoderChannels());
        assertEquals(c.head().hidden(), cpu.encoder().featureChannels());
        assertEquals(CaidConfig.paper().head().hidden(), paper.encoder().featureChannels());
        assertEquals("CAiD", reg.provider("caid").tableRow("caid"));
    }

    @Test
    void keyEncoderNormalisesEachSubBatchOnItsOwn() {
        // tiny() has keyBnGroups 2, so a batch of 8 has key sub-batches {0..3} and {4..7}.
        TrainingSession s = session(1);
        Map<String, INDArray> batch = new HashMap<>(data().batch(0));
        String key = "key_embedding";
        INDArray k = s.sd().output(batch, key).get(key).dup();
        Map<String, INDArray> otherGroup = new HashMap<>(batch);
        INDArray v2 = batch.get(io.cobench.data.views.CaidViews.VIEW2).dup();
        v2.get(org.nd4j.linalg.indexing.NDArrayIndex.point(7)).muli(3).addi(1);
        otherGroup.put(io.cobench.data.views.CaidViews.VIEW2, v2);
        INDArray k2 = s.sd().output(otherGroup, key).get(key);
        for (int i = 0; i < 4; i++) {
            assertEquals(k.getRow(i), k2.getRow(i), "key " + i + " saw sample 7 of the other sub-batch");
        }
        assertTrue(k.getRow(7).sub(k2.getRow(7)).norm2Number().doubleValue() > 1e-4);
        Map<String, INDArray> sameGroup = new HashMap<>(batch);
        INDArray v3 = batch.get(io.cobench.data.views.CaidViews.VIEW2).dup();
        v3.get(org.nd4j.linalg.indexing.NDArrayIndex.point(1)).muli(3).addi(1);
        sameGroup.put(io.cobench.data.views.CaidViews.VIEW2, v3);
        INDArray k3 = s.sd().output(sameGroup, key).get(key);
        assertTrue(k.getRow(0).sub(k3.getRow(0)).norm2Number().doubleValue() > 1e-6,
                "key 0 shares BN statistics with sample 1 of its sub-batch");
        assertEquals(4, CaidConfig.paper().keyBnGroups());
    }

    @Test
    void paperPresetScalesMocosLearningRateLinearlyToBatch64() {
        // Official MoCo-v2/CAiD: SGD 0.03 at batch 256; linear scaling gives 0.03 * 64 / 256.
        RunConfig paper = RunConfig.load(Path.of("../configs/paper/caid.yaml"));
        assertEquals(64, paper.train().batchSize());
        assertEquals("sgd", paper.train().optimizer().type());
        assertEquals(0.0075, paper.train().optimizer().peakLr(paper.train().batchSize()), 1e-12);
        assertEquals(0.9, paper.train().optimizer().momentum());
        assertEquals(1e-4, paper.train().optimizer().weightDecay());
        // Shuffle BN of 4 GPUs, emulated: key BN over 4 sub-batches of 16.
        CaidConfig c = (CaidConfig) MethodRegistry.load().resolveConfig("caid", paper.params());
        assertEquals(4, c.keyBnGroups());
        assertEquals(0, paper.train().batchSize() % c.keyBnGroups());
    }
}
