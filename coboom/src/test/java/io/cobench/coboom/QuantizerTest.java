package io.cobench.coboom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.graph.GraphContext;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The quantizer on a hand-built example and under finite differences. Finite differences see
 * quantization as piecewise constant, so the straight-through path is checked by its exact
 * gradient instead, and the gradient checks cover the loss terms, whose gradients are true ones.
 */
class QuantizerTest {
    private static final double EPS = 1e-9;
    private DataType[] saved;

    @BeforeEach
    void doublePrecision() {
        saved = new DataType[] {Nd4j.dataType(), Nd4j.defaultFloatingPointType()};
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    @AfterEach
    void restore() {
        Nd4j.setDefaultDataTypes(saved[0], saved[1]);
    }

    /** Codes (0,0), (1,0), (0,2); positions (0.9,0.1), (0.1,1.5), (-0.2,0.1) in one 1x3 map. */
    private record Example(SameDiff sd, SDVariable y, Quantizer.Output out, String codebook) {
    }

    private static Example example(QuantizerConfig cfg, double[] ch0, double[] ch1) {
        SameDiff sd = SameDiff.create();
        GraphContext ctx = GraphContext.create(sd, GraphContext.Mode.TRAIN, 1).scope("q");
        INDArray map = Nd4j.create(new double[][] {ch0, ch1}).reshape(1, 2, 1, ch0.length);
        SDVariable y = sd.var("y", map);
        Quantizer.Output out = Quantizer.build(ctx, y, 2, 1, ch0.length, cfg);
        sd.getVariable("q/codebook").getArr().assign(Nd4j.create(new double[][] {{0, 0}, {1, 0}, {0, 2}}));
        return new Example(sd, y, out, "q/codebook");
    }

    private static QuantizerConfig three() {
        return QuantizerConfig.paper(3);
    }

    @Test
    void driftAndSpreadMatchHandComputedValues() {
        // Positions (1,0), (3,0), (2,2): mean (2, 2/3); squared deviations 1 + 4/9, 1 + 4/9, 0 + 16/9,
        // whose mean is (2 + 24/9) / 3 = 42/27; second moment (1 + 9 + 8) / 3 = 6; spread = (42/27) / 6.
        Example ex = example(three(), new double[] {1, 3, 2}, new double[] {0, 0, 2});
        // The start copy is the uniform init; move the codebook to a known offset from it.
        INDArray start = ex.sd().getArrForVarName("q/" + Quantizer.START);
        start.assign(Nd4j.create(new double[][] {{0, 0}, {1, 0}, {0, 2}}));
        ex.sd().getArrForVarName(ex.codebook()).assign(Nd4j.create(new double[][] {{0, 0}, {1, 3}, {0, 6}}));
        Map<String, INDArray> r = ex.sd().output(Map.of(), ex.out().drift().name(), ex.out().spread().name());
        // ||E - E0|| = ||(0,0),(0,3),(0,4)|| = 5; ||E0|| = sqrt(1 + 4).
        assertEquals(5 / Math.sqrt(5), r.get(ex.out().drift().name()).getDouble(0), 1e-9);
        assertEquals((42.0 / 27) / 6, r.get(ex.out().spread().name()).getDouble(0), 1e-9);
    }

    @Test
    void picksTheNearestCodeAndLooksItUp() {
        Example ex = example(three(), new double[] {0.9, 0.1, -0.2}, new double[] {0.1, 1.5, 0.1});
        Map<String, INDArray> r = ex.sd().output(Map.of(), ex.out().indices().name(), ex.out().quantized().name());
        assertArrayEquals(new long[] {1, 2, 0}, r.get(ex.out().indices().name()).toLongVector());
        INDArray q = r.get(ex.out().quantized().name());
        assertArrayEquals(new long[] {1, 2, 1, 3}, q.shape());
        assertArrayEquals(new double[] {1, 0, 0}, q.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                org.nd4j.linalg.indexing.NDArrayIndex.point(0)).dup().data().asDouble(), EPS);
        assertArrayEquals(new double[] {0, 2, 0}, q.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                org.nd4j.linalg.indexing.NDArrayIndex.point(1)).dup().data().asDouble(), EPS);
    }

    @Test
    void cosineDistanceComparesDirectionsOnly() {
        // (0.3, 0.1) is nearest to (0,0) in Euclidean terms but points along (1,0).
        Example eu = example(three(), new double[] {0.3}, new double[] {0.1});
        QuantizerConfig c = three();
        QuantizerConfig cos = new QuantizerConfig(3, c.beta(), c.update(), c.decay(), c.eps(), c.emaInitCount(),
                QuantizerConfig.Distance.COSINE, c.init(), c.codebookLoss());
        Example co = example(cos, new double[] {0.3}, new double[] {0.1});
        assertEquals(0, eu.out().indices().eval().getLong(0));
        assertEquals(1, co.out().indices().eval().getLong(0));
    }

    @Test
    void lossesEqualHandComputedValues() {
        Example ex = example(three(), new double[] {0.9, 0.1, -0.2}, new double[] {0.1, 1.5, 0.1});
        // y - q per position: (-0.1, 0.1), (0.1, -0.5), (-0.2, 0.1); squares sum to 0.33: l_cb is the
        // squared norm per position, 0.33 / 3; l_ce the mean per element, 0.33 / 6.
        assertEquals(0.11, ex.out().codebookLoss().eval().getDouble(0), EPS);
        assertEquals(0.055, ex.out().commitmentLoss().eval().getDouble(0), EPS);
        Example mean = example(three().withCodebookLoss(QuantizerConfig.Reduction.MEAN),
                new double[] {0.9, 0.1, -0.2}, new double[] {0.1, 1.5, 0.1});
        assertEquals(0.055, mean.out().codebookLoss().eval().getDouble(0), EPS);
        // Each code chosen once: frequencies 1/3, perplexity 3, all codes used.
        assertEquals(3.0, ex.out().perplexity().eval().getDouble(0), 1e-6);
        assertEquals(1.0, ex.out().usage().eval().getDouble(0), EPS);
    }

    @Test
    void perplexityAndUsageCountRepeatedCodes() {
        // Positions 0 and 1 both take code 1; code 2 is unused.
        Example ex = example(three(), new double[] {0.9, 1.2, -0.2}, new double[] {0.1, 0.0, 0.1});
        double p = 2.0 / 3;
        double entropy = -(p * Math.log(p) + (1 - p) * Math.log(1 - p));
        assertEquals(Math.exp(entropy), ex.out().perplexity().eval().getDouble(0), 1e-6);
        assertEquals(2.0 / 3, ex.out().usage().eval().getDouble(0), EPS);
        assertArrayEquals(new double[] {1, 2, 0}, ex.out().counts().eval().data().asDouble(), EPS);
        // Sums of assigned features: code 0 gets (-0.2, 0.1), code 1 gets (0.9+1.2, 0.1+0).
        assertArrayEquals(new double[] {-0.2, 0.1, 2.1, 0.1, 0, 0}, ex.out().sums().eval().data().asDouble(), 1e-12);
    }

    @Test
    void codebookLossMovesOnlyTheCodebookAndCommitmentOnlyTheFeatures() {
        Example ex = example(three(), new double[] {0.9, 0.1, -0.2}, new double[] {0.1, 1.5, 0.1});
        ex.sd().setLossVariables(ex.out().codebookLoss().name());
        Map<String, INDArray> g = ex.sd().calculateGradients(Map.of(), ex.codebook(), "y");
        // d l_cb / d e_k = -(2/3) * sum over positions assigned to k of (y - e_k) (3 positions).
        double t = 1.0 / 3;
        double u = 2.0 / 3;
        assertArrayEquals(new double[] {0.2 * u, -0.1 * u, 0.1 * u, -0.1 * u, -0.1 * u, 0.5 * u},
                g.get(ex.codebook()).data().asDouble(), 1e-12);
        assertZeroOrAbsent(g.get("y"));

        ex.sd().setLossVariables(ex.out().commitmentLoss().name());
        g = ex.sd().calculateGradients(Map.of(), ex.codebook(), "y");
        assertZeroOrAbsent(g.get(ex.codebook()));
        // d l_ce / d y = (2/6) (y - q), in NCHW order: channel 0 then channel 1.
        assertArrayEquals(new double[] {-0.1 * t, 0.1 * t, -0.2 * t, 0.1 * t, -0.5 * t, 0.1 * t},
                g.get("y").data().asDouble(), 1e-12);
    }

    @Test
    void straightThroughPassesTheGradientToTheFeaturesUnchanged() {
        Example ex = example(three(), new double[] {0.9, 0.1, -0.2}, new double[] {0.1, 1.5, 0.1});
        INDArray w = Nd4j.create(new double[] {1, -2, 3, 0.5, 4, -1}).reshape(1, 2, 1, 3);
        ex.sd().constant("w", w);
        ex.out().quantized().mul(ex.sd().getVariable("w")).sum().rename("probe_loss");
        ex.sd().setLossVariables("probe_loss");
        Map<String, INDArray> g = ex.sd().calculateGradients(Map.of(), ex.codebook(), "y");
        assertArrayEquals(w.data().asDouble(), g.get("y").data().asDouble(), EPS);
        assertZeroOrAbsent(g.get(ex.codebook()));
    }

    @Test
    void codebookLossPassesGradientCheckOnTheCodebook() {
        for (QuantizerConfig.Distance d : QuantizerConfig.Distance.values()) {
            QuantizerConfig cfg = new QuantizerConfig(5, 0.25, QuantizerConfig.Update.LOSS, 0.99, 1e-5, 1, d,
                    QuantizerConfig.Init.UNIFORM, QuantizerConfig.Reduction.SUM);
            assertTrue(io.cobench.testing.GradChecks.check(11, Nd4j.randn(DataType.DOUBLE, 1, 3, 2, 2), java.util.Set.of("input"), 0,
                    (ctx, x) -> Quantizer.build(ctx.scope("q"), x, 3, 2, 2, cfg).codebookLoss().reshape(1)),
                    "distance " + d);
        }
    }

    @Test
    void commitmentLossPassesGradientCheckOnTheFeatures() {
        for (QuantizerConfig.Distance d : QuantizerConfig.Distance.values()) {
            QuantizerConfig cfg = new QuantizerConfig(5, 0.25, QuantizerConfig.Update.LOSS, 0.99, 1e-5, 1, d,
                    QuantizerConfig.Init.UNIFORM, QuantizerConfig.Reduction.SUM);
            assertTrue(io.cobench.testing.GradChecks.check(12, Nd4j.randn(DataType.DOUBLE, 1, 3, 2, 2), java.util.Set.of("q/codebook"), 0,
                    (ctx, x) -> Quantizer.build(ctx.scope("q"), x, 3, 2, 2, cfg).commitmentLoss().reshape(1)),
                    "distance " + d);
        }
    }

    @Test
    void straightThroughMapPassesGradientCheckThroughDownstreamLayers() {
        // Downstream weights see the quantized values as constants, which finite differences agree with;
        // the features' straight-through gradient is checked exactly above.
        QuantizerConfig cfg = QuantizerConfig.paper(3);
        assertTrue(io.cobench.testing.GradChecks.check(13, Nd4j.randn(DataType.DOUBLE, 1, 2, 2, 1), java.util.Set.of("input", "q/codebook"), 0,
                (ctx, x) -> {
                    Quantizer.Output o = Quantizer.build(ctx.scope("q"), x, 2, 2, 1, cfg);
                    return DiversiFuse.build(ctx.scope("df"), o.quantized(), x, 2, 2, 1, 1);
                }));
    }

    @Test
    void emaModeMakesTheCodebookStateAndItsUpdateFollowsTheAssignments() {
        QuantizerConfig cfg = new QuantizerConfig(3, 0.25, QuantizerConfig.Update.EMA, 0.5, 1e-5, 1,
                QuantizerConfig.Distance.EUCLIDEAN, QuantizerConfig.Init.UNIFORM, QuantizerConfig.Reduction.SUM);
        SameDiff sd = SameDiff.create();
        GraphContext ctx = GraphContext.create(sd, GraphContext.Mode.TRAIN, 1).scope("q");
        SDVariable y = sd.var("y", Nd4j.create(new double[][] {{0.9, 1.2, -0.2}, {0.1, 0.0, 0.1}}).reshape(1, 2, 1, 3));
        Quantizer.Output out = Quantizer.build(ctx, y, 2, 1, 3, cfg);
        assertTrue(ctx.nonTrainable().containsAll(java.util.List.of("q/codebook", "q/ema_count", "q/ema_sum")));
        INDArray e0 = Nd4j.create(new double[][] {{0, 0}, {1, 0}, {0, 2}});
        sd.getVariable("q/codebook").getArr().assign(e0);
        sd.getVariable("q/ema_sum").getArr().assign(e0);
        Map<String, INDArray> r = sd.output(Map.of(), out.counts().name(), out.sums().name());
        EmaCodebook.update(sd.getArrForVarName("q/codebook"), sd.getArrForVarName("q/ema_count"),
                sd.getArrForVarName("q/ema_sum"), r.get(out.counts().name()), r.get(out.sums().name()), 0.5, 1e-5);
        // Counts (1,1,1)/2 + (1,2,0)/2 = (1, 1.5, 0.5); code 1: ((1,0) + (2.1,0.1))/2 / 1.5 before smoothing.
        assertArrayEquals(new double[] {1, 1.5, 0.5}, sd.getArrForVarName("q/ema_count").data().asDouble(), EPS);
        INDArray e = sd.getArrForVarName("q/codebook");
        double n = 3.0;
        double s1 = (1.5 + 1e-5) / (n + 3e-5) * n;
        assertEquals(1.55 / s1, e.getDouble(1, 0), 1e-12);
        assertEquals(0.05 / s1, e.getDouble(1, 1), 1e-12);
        // The unused code 2 keeps its direction: sum and count decayed together.
        double s2 = (0.5 + 1e-5) / (n + 3e-5) * n;
        assertEquals(1.0 / s2, e.getDouble(2, 1), 1e-12);
    }

    private static void assertZeroOrAbsent(INDArray g) {
        if (g != null) {
            assertEquals(0.0, g.norm1Number().doubleValue(), 0.0);
        }
    }
}
