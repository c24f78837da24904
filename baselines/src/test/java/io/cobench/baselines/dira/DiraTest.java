package io.cobench.baselines.dira;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.baselines.caid.CaidConfig;
import io.cobench.data.views.CaidViewConfig;
import io.cobench.graph.GraphContext;
import io.cobench.graph.MlpConfig;
import io.cobench.run.RunConfig;
import io.cobench.spi.MethodRegistry;
import io.cobench.spi.SslMethod;
import io.cobench.testing.MethodContractTest;
import io.cobench.testing.SyntheticBatches;
import io.cobench.train.TrainingSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

class DiraTest extends MethodContractTest {

    static DiraConfig tiny() {
        CaidConfig generator = new CaidConfig(new MlpConfig(2, 32, 16, false, false), 12, 0.2, 0.9, 1.0, 10.0,
                List.of(8, 8, 4, 4, 4), CaidViewConfig.paper(), 2);
        return new DiraConfig(generator, 0.001, 2, DiraConfig.adam(2e-4), 0);
    }

    static DiraConfig withDirEpochs(int n) {
        DiraConfig t = tiny();
        return new DiraConfig(t.generator(), t.advWeight(), t.discWidth(), t.discOptimizer(), n);
    }

    @Override
    protected SslMethod method() {
        return new Dira("dira", tiny());
    }

    @Override
    protected String fallingTerm() {
        return "mse";
    }

    @Test
    void adversarialLossesEqualHandComputedValues() {
        SameDiff sd = SameDiff.create();
        SDVariable real = sd.constant("real", Nd4j.createFromArray(new float[] {0.5f, 1.5f, 1f, 0f}).reshape(1, 1, 2, 2));
        SDVariable fake = sd.constant("fake", Nd4j.createFromArray(new float[] {0.2f, -0.4f, 0f, 1f}).reshape(1, 1, 2, 2));
        // Generator: mean((d - 1)^2) over fake = (0.64 + 1.96 + 1 + 0) / 4.
        assertEquals(0.9, DiraLosses.generator(sd, "g", fake).eval().getDouble(0), 1e-6);
        // Discriminator: 1/2 [mean((real - 1)^2) + mean(fake^2)] = 1/2 [(0.25 + 0.25 + 0 + 1) / 4 + (0.04 + 0.16 + 0 + 1) / 4].
        assertEquals(0.5 * (1.5 / 4 + 1.2 / 4), DiraLosses.discriminator(sd, "d", real, fake).eval().getDouble(0), 1e-6);
    }

    @Test
    void eachLossReachesOnlyItsOwnGroupsWeights() {
        SameDiff sd = SameDiff.create();
        GraphContext ctx = GraphContext.create(sd, GraphContext.Mode.TRAIN, 5);
        method().build(ctx, encoder());
        sd.convertToConstants(ctx.nonTrainable().stream().map(sd::getVariable).toList());
        List<String> disc = new ArrayList<>();
        List<String> gen = new ArrayList<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE && !v.name().startsWith("key/")) {
                (v.name().startsWith(Dira.DISC) ? disc : gen).add(v.name());
            }
        }
        assertEquals(10, disc.size());
        List<String> all = new ArrayList<>(disc);
        all.addAll(gen);
        Map<String, INDArray> batch = new HashMap<>(data().batch(0));
        batch.put(Dira.ADV_GATE, Nd4j.scalar(1f));

        sd.setLossVariables("loss");
        Map<String, INDArray> g = sd.calculateGradients(batch, all);
        for (String d : disc) {
            assertZeroOrAbsent(g.get(d), "generator loss reached " + d);
        }
        assertTrue(g.get("online/decoder/head/W").norm2Number().doubleValue() > 0);

        sd.setLossVariables("disc_loss");
        Map<String, INDArray> gd = sd.calculateGradients(batch, all);
        for (String w : gen) {
            assertZeroOrAbsent(gd.get(w), "discriminator loss reached " + w);
        }
        for (String d : disc) {
            assertNotNull(gd.get(d), d);
            assertTrue(gd.get(d).norm2Number().doubleValue() > 0, d);
        }
    }

    @Test
    void discriminatorTakesAdamStepsOfItsOwnLearningRate() {
        TrainingSession s = session(2);
        Map<String, INDArray> before = new HashMap<>();
        s.variables().forEach((n, a) -> before.put(n, a.dup()));
        SyntheticBatches d = data();
        s.step(0, d.batch(0));
        for (var e : before.entrySet()) {
            if (!e.getKey().startsWith(Dira.DISC)) {
                continue;
            }
            // Adam's first step moves every weight by lr * g / (|g| + eps), at most 2e-4.
            double moved = Transforms.abs(s.sd().getArrForVarName(e.getKey()).sub(e.getValue())).maxNumber().doubleValue();
            assertTrue(moved > 1e-5 && moved <= 2e-4 * 1.001, e.getKey() + " moved " + moved);
        }
        double genMoved = Transforms.abs(s.sd().getArrForVarName("online/decoder/head/W")
                .sub(before.get("online/decoder/head/W"))).maxNumber().doubleValue();
        assertTrue(genMoved > 0, "the generator did not move");
    }

    @Test
    void dirStageTrainsWithoutTheAdversaryThenDiraStageAddsIt() {
        // One step per epoch: step 0 is DiR (epoch 0 < dirEpochs 1), step 1 is DiRA.
        Dira m = new Dira("dira", withDirEpochs(1));
        TrainingSession s = new TrainingSession(m, encoder(), new io.cobench.train.TrainConfig(1, 2, 8, 11,
                optimizer(), 0, 1, 5), 1);
        Map<String, INDArray> before = new HashMap<>();
        s.variables().forEach((n, a) -> before.put(n, a.dup()));
        SyntheticBatches d = data();
        Map<String, Double> dir = s.step(0, d.batch(0)).losses();
        assertEquals(0.0, dir.get("disc"), 0.0, "no discriminator loss in the DiR stage");
        // The generator's loss is NCE + 10 MSE alone.
        assertEquals(dir.get("nce") + 10 * dir.get("mse"), dir.get("loss"), 1e-5 * dir.get("loss"));
        assertTrue(dir.get("adv") > 0, "the adversarial term is computed (and logged) but gated off");
        for (var e : before.entrySet()) {
            if (e.getKey().startsWith(Dira.DISC)) {
                assertEquals(e.getValue(), s.sd().getArrForVarName(e.getKey()), e.getKey() + " moved during DiR");
            }
        }
        Map<String, Double> dira = s.step(1, d.batch(1)).losses();
        assertTrue(dira.get("disc") > 0);
        assertEquals(dira.get("nce") + 10 * dira.get("mse") + 0.001 * dira.get("adv"), dira.get("loss"),
                1e-5 * dira.get("loss"));
        boolean discMoved = before.entrySet().stream().filter(e -> e.getKey().startsWith(Dira.DISC))
                .anyMatch(e -> !e.getValue().equals(s.sd().getArrForVarName(e.getKey())));
        assertTrue(discMoved, "the discriminator trains in the DiRA stage");
        assertTrue(!m.adversarial(0) && m.adversarial(1));
    }

    private static void assertZeroOrAbsent(INDArray grad, String message) {
        assertTrue(grad == null || grad.norm2Number().doubleValue() == 0.0, message + ": " + grad);
    }

    @Test
    void presetsResolveAndThePaperPresetIsThePaperDefault() {
        MethodRegistry reg = MethodRegistry.load();
        RunConfig paper = RunConfig.load(Path.of("../configs/paper/dira.yaml"));
        assertEquals(DiraConfig.paper(), reg.resolveConfig("dira", paper.params()));
        RunConfig cpu = RunConfig.load(Path.of("../configs/cpu/dira.yaml"));
        DiraConfig c = (DiraConfig) reg.resolveConfig("dira", cpu.params());
        assertEquals(8, c.discWidth());
        assertEquals(DiraConfig.adam(2e-4), c.discOptimizer());
        assertEquals(256, c.generator().queueSize());
    }

    @Test
    void paperPresetScalesTheGeneratorLrButNotTheDiscriminators() {
        RunConfig paper = RunConfig.load(Path.of("../configs/paper/dira.yaml"));
        // Generator: MoCo's SGD 0.03 at batch 256, linearly scaled to 0.0075 at batch 64.
        assertEquals(0.0075, paper.train().optimizer().peakLr(paper.train().batchSize()), 1e-12);
        // Discriminator: the official Adam 2e-4, unscaled (the reference's own DiRA stage runs at batch 16).
        DiraConfig c = (DiraConfig) MethodRegistry.load().resolveConfig("dira", paper.params());
        assertEquals(2e-4, c.discOptimizer().peakLr(paper.train().batchSize()), 1e-15);
        // DiR first, then DiRA, as the reference's two runs: a third of the 300 epochs without the adversary.
        assertEquals(100, c.dirEpochs());
        assertEquals(300, paper.train().epochs());
    }
}
