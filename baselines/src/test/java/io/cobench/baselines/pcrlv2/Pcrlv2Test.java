package io.cobench.baselines.pcrlv2;

import io.cobench.baselines.common.SharedPass;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.baselines.caid.ViewBatches;
import io.cobench.data.views.PcrlViewConfig;
import io.cobench.data.views.PcrlViews;
import io.cobench.graph.GraphContext;
import io.cobench.graph.ResNetConfig;
import io.cobench.run.RunConfig;
import io.cobench.spi.MethodRegistry;
import io.cobench.spi.SslMethod;
import io.cobench.spi.StepState;
import io.cobench.testing.MethodContractTest;
import io.cobench.train.TrainConfig;
import io.cobench.train.TrainingSession;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The contract runs PCRLv2 without local crops, because the contract's synthetic batches hold
 * only two views and a target; {@link #localCropsTrainThroughTheSharedNetwork} runs it with
 * crops from its own view pipeline.
 */
class Pcrlv2Test extends MethodContractTest {
    static final List<Integer> DEC = List.of(8, 8, 4, 4, 4);

    static Pcrlv2Config tiny(int localViews) {
        return new Pcrlv2Config(DEC, PcrlViewConfig.paper().withLocalViews(localViews));
    }

    @Override
    protected SslMethod method() {
        return new Pcrlv2("pcrlv2", tiny(0));
    }

    @Override
    protected String fallingTerm() {
        return "rec";
    }

    @Test
    void betaFollowsTheCosineAndLevelsAreOneHotPerStep() {
        assertEquals(1.0, Pcrlv2.beta(0, 240), 1e-12);
        assertEquals(0.5, Pcrlv2.beta(120, 240), 1e-12);
        assertEquals(0.5 * (1 + Math.cos(Math.PI * 60 / 240)), Pcrlv2.beta(60, 240), 1e-12);
        assertEquals(0.0, Pcrlv2.beta(240, 240), 1e-12);
        Pcrlv2 m = new Pcrlv2("pcrlv2", tiny(3));
        StepState st = new StepState(7, 100, 3, 10, 42, null);
        Map<String, INDArray> in = m.extraInputs(st);
        assertEquals(Pcrlv2.beta(3, 10), in.get(Pcrlv2.BETA).getDouble(0), 1e-6);
        assertEquals(1.0, in.get(Pcrlv2.LEVEL).sumNumber().doubleValue());
        INDArray local = in.get(Pcrlv2.LOCAL_LEVELS);
        assertEquals(List.of(6L, 5L), List.of(local.size(0), local.size(1)));
        assertTrue(local.sum(1).equals(Nd4j.ones(local.dataType(), 6)));
        assertEquals(in.get(Pcrlv2.LEVEL), m.extraInputs(st).get(Pcrlv2.LEVEL));
        assertEquals(local, m.extraInputs(st).get(Pcrlv2.LOCAL_LEVELS));
    }

    @Test
    void localLossEqualsTheHandComputedMeanOverPairs() {
        int n = 2;
        int b = 3;
        Nd4j.getRandom().setSeed(12);
        double[][][] pro = new double[3][][];
        double[][][] pre = new double[3][][];
        SameDiff sd = SameDiff.create();
        Pcrlv2Network.Pass[] passes = new Pcrlv2Network.Pass[3];
        for (int p = 0; p < 3; p++) {
            int rows = p == 2 ? n * b : b;
            List<SDVariable> pr = new java.util.ArrayList<>();
            List<SDVariable> pe = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                INDArray a = Nd4j.randn(DataType.DOUBLE, rows, DEC.get(i));
                INDArray c = Nd4j.randn(DataType.DOUBLE, rows, DEC.get(i));
                if (i == 3) {
                    pro[p] = a.toDoubleMatrix();
                    pre[p] = c.toDoubleMatrix();
                }
                pr.add(sd.constant("pro" + p + "_" + i, a));
                pe.add(sd.constant("pre" + p + "_" + i, c));
            }
            passes[p] = new Pcrlv2Network.Pass(pr, pe, null, null);
        }
        // Every pair at level 3.
        INDArray levels = Nd4j.zeros(DataType.DOUBLE, 2 * n, 5);
        levels.getColumn(3).assign(1);
        double got = Pcrlv2.localLoss(sd, passes[0], passes[1], passes[2], n, sd.constant("lv", levels), DEC)
                .eval().getDouble(0);

        double expect = 0;
        for (int j = 0; j < n; j++) {
            for (int g = 0; g < 2; g++) {
                double ab = 0;
                double ba = 0;
                for (int r = 0; r < b; r++) {
                    ab += cos(pre[g][r], pro[2][j * b + r]) / b;
                    ba += cos(pre[2][j * b + r], pro[g][r]) / b;
                }
                expect += -0.5 * (ab + ba) / (2 * n);
            }
        }
        assertEquals(expect, got, 1e-9);
    }

    @Test
    void localLossHasCorrectGradientsForTheBroadcastGlobalSide() {
        // The global view's prediction [B, c] meets all N crops [N, B, c] by broadcasting, so its
        // gradient must sum over the crops. Central differences on a few elements: each forward
        // pass of this 250-op graph costs seconds on a loaded machine.
        DataType[] saved = {Nd4j.dataType(), Nd4j.defaultFloatingPointType()};
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        try {
            io.cobench.engine.QuietStdout.install();
            Nd4j.getRandom().setSeed(21);
            int n = 2;
            SameDiff sd = SameDiff.create();
            SDVariable x = sd.var("x", Nd4j.randn(DataType.DOUBLE, 3, DEC.get(0)));
            Pcrlv2Network.Pass[] passes = new Pcrlv2Network.Pass[3];
            for (int p = 0; p < 3; p++) {
                int rows = p == 2 ? n * 3 : 3;
                List<SDVariable> pr = new java.util.ArrayList<>();
                List<SDVariable> pe = new java.util.ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    pr.add(sd.constant(Nd4j.randn(DataType.DOUBLE, rows, DEC.get(i))));
                    pe.add(i == 0 && p == 0 ? x : sd.constant(Nd4j.randn(DataType.DOUBLE, rows, DEC.get(i))));
                }
                passes[p] = new Pcrlv2Network.Pass(pr, pe, null, null);
            }
            INDArray levels = Nd4j.zeros(DataType.DOUBLE, 2 * n, 5);
            levels.getColumn(0).assign(1);
            // A weight below the loss: its gradient must carry it (softmaxCrossEntropy's would not).
            Pcrlv2.localLoss(sd, passes[0], passes[1], passes[2], n, sd.constant(levels), DEC)
                    .mul(-0.7).rename("scaled");
            sd.setLossVariables("scaled");
            INDArray grad = sd.calculateGradients(Map.of(), "x").get("x");
            INDArray xa = sd.getArrForVarName("x");
            double eps = 1e-6;
            for (int[] at : new int[][] {{0, 0}, {1, 3}, {2, 7}}) {
                double orig = xa.getDouble(at[0], at[1]);
                xa.putScalar(at, orig + eps);
                double plus = sd.output(Map.of(), "scaled").get("scaled").getDouble(0);
                xa.putScalar(at, orig - eps);
                double minus = sd.output(Map.of(), "scaled").get("scaled").getDouble(0);
                xa.putScalar(at, orig);
                assertEquals((plus - minus) / (2 * eps), grad.getDouble(at[0], at[1]), 1e-6,
                        "d loss / d x" + java.util.Arrays.toString(at));
            }
        } finally {
            Nd4j.setDefaultDataTypes(saved[0], saved[1]);
        }
    }

    private static double cos(double[] a, double[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int k = 0; k < a.length; k++) {
            ab += a[k] * b[k];
            aa += a[k] * a[k];
            bb += b[k] * b[k];
        }
        return ab / Math.sqrt(aa) / Math.sqrt(bb);
    }

    @Test
    void sharedPassUsesTheFirstPassWeightsInBothDirections() {
        ResNetConfig enc = new ResNetConfig(18, 2, 1, 32);
        SameDiff sd = SameDiff.create();
        GraphContext ctx = GraphContext.create(sd, GraphContext.Mode.TRAIN, 3);
        SDVariable x1 = sd.placeHolder("x1", DataType.FLOAT, -1, 1, 32, 32);
        SDVariable x2 = sd.placeHolder("x2", DataType.FLOAT, -1, 1, 32, 32);
        Pcrlv2Network.Pass p1 = Pcrlv2Network.build(ctx.scope("online"), x1, enc, DEC, true);
        int before = sd.variables().size();
        long varsBefore = countVariables(sd);
        // The second pass sees the same images twice in one batch: BN statistics are unchanged by
        // duplication, so with shared weights its outputs repeat the first pass's.
        SDVariable doubled = sd.concat(0, x2, x2);
        Pcrlv2Network.Pass p2 = SharedPass.build(ctx, "again", 1,
                g -> Pcrlv2Network.build(g.scope("online"), doubled, enc, DEC, false));
        assertEquals(varsBefore, countVariables(sd));
        assertTrue(sd.variables().size() > before);
        assertFalse(sd.variables().stream().anyMatch(v -> v.name().startsWith("again/")
                && v.getVariableType() == org.nd4j.autodiff.samediff.VariableType.VARIABLE));

        INDArray img = Nd4j.rand(DataType.FLOAT, 3, 1, 32, 32);
        Map<String, INDArray> ph = Map.of("x1", img, "x2", img);
        for (int i = 0; i < 5; i++) {
            Map<String, INDArray> out = sd.output(ph, p1.pre().get(i).name(), p2.pre().get(i).name());
            INDArray a = out.get(p1.pre().get(i).name());
            INDArray b = out.get(p2.pre().get(i).name());
            for (int half = 0; half < 2; half++) {
                INDArray bh = b.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(3 * half, 3 * half + 3));
                double diff = a.sub(bh).amaxNumber().doubleValue();
                double scale = Math.max(1, a.amaxNumber().doubleValue());
                // Unshared weights would differ by O(1); float32 batch statistics of 3 versus 6
                // rows summed in another order differ by up to a few 1e-4 after normalisation.
                assertTrue(diff <= 1e-3 * scale, "level " + i + ": max difference " + diff + " at scale " + scale);
            }
        }
        p2.pre().get(2).sum().rename("second_only");
        sd.setLossVariables("second_only");
        INDArray g = sd.calculateGradients(ph, "online/encoder/stem/conv/W").get("online/encoder/stem/conv/W");
        assertTrue(g.norm2Number().doubleValue() > 0, "no gradient reached the shared weights through the second pass");
    }

    @Test
    void localCropsTrainThroughTheSharedNetwork() {
        Pcrlv2 m = new Pcrlv2("pcrlv2", tiny(2));
        ViewBatches d = new ViewBatches(m.customViews(encoder()).orElseThrow(), 1, 32, 8, 16, 40, 3);
        TrainingSession s = new TrainingSession(m, encoder(), new TrainConfig(1, 2, 8, 11, optimizer(), 0, 1, 5), 2);
        Map<String, INDArray> b0 = d.batch(0);
        assertEquals(List.of(8L, 1L, 14L, 14L), List.of(b0.get("local1").shape()[0], b0.get("local1").shape()[1],
                b0.get("local1").shape()[2], b0.get("local1").shape()[3]));
        INDArray w0 = s.sd().getArrForVarName("online/encoder/stem/conv/W").dup();
        for (int i = 0; i < 2; i++) {
            Map<String, Double> l = s.step(i, d.batch(i)).losses();
            assertEquals(List.of("loss", "rec", "global", "local", "mask"), List.copyOf(l.keySet()));
            l.values().forEach(v -> assertTrue(Double.isFinite(v), l.toString()));
            // Each pair term is a negative mean cosine, so L_loc lies in [-1, 1].
            assertTrue(l.get("local") >= -1 && l.get("local") <= 1, l.toString());
            assertEquals(l.get("rec") + l.get("global") + l.get("local") + l.get("mask"), l.get("loss"), 1e-4);
        }
        assertFalse(w0.equalsWithEps(s.sd().getArrForVarName("online/encoder/stem/conv/W"), 0.0));
    }

    private static long countVariables(SameDiff sd) {
        return sd.variables().stream()
                .filter(v -> v.getVariableType() == org.nd4j.autodiff.samediff.VariableType.VARIABLE).count();
    }

    @Test
    void presetsResolveAndThePaperPresetIsThePaperDefault() {
        MethodRegistry reg = MethodRegistry.load();
        RunConfig paper = RunConfig.load(Path.of("../configs/paper/pcrlv2.yaml"));
        assertEquals(Pcrlv2Config.paper(), reg.resolveConfig("pcrlv2", paper.params()));
        RunConfig cpu = RunConfig.load(Path.of("../configs/cpu/pcrlv2.yaml"));
        Pcrlv2Config c = (Pcrlv2Config) reg.resolveConfig("pcrlv2", cpu.params());
        assertEquals(List.of(32, 16, 8, 4, 2), c.decoderChannels());
        assertEquals(6, c.views().localViews());
        assertEquals(14, PcrlViews.localSize(c.views(), cpu.encoder().imageSize()));
    }
}
