package io.cobench.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.cobench.engine.GraphPlan;
import io.cobench.engine.RecyclingSession;
import io.cobench.graph.ResNetConfig;
import io.cobench.spi.SslMethod;
import io.cobench.spi.OptimizerConfig;
import io.cobench.train.TrainConfig;
import io.cobench.train.TrainingSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What every method must satisfy; a method's test extends this and supplies the method. The
 * graph builds with scoped names, the encoder scope exists, losses are finite and fall over 20
 * steps on small images, and EMA targets move if the method has them.
 */
@Tag("slow")
public abstract class MethodContractTest {

    /** The method under test, at a tiny scale. */
    protected abstract SslMethod method();

    /** A tiny encoder: ResNet-18 at width 4, 1 channel, 32 px. */
    protected ResNetConfig encoder() {
        return new ResNetConfig(18, 4, 1, 32);
    }

    /** The optimiser for the 20-step run; SGD with momentum converges fast enough on the pool. */
    protected OptimizerConfig optimizer() {
        return OptimizerConfig.sgd(0.05, 0.9, 0.0);
    }

    /** Which loss term must fall; "loss" by default. */
    protected String fallingTerm() {
        return "loss";
    }

    protected SyntheticBatches data() {
        return new SyntheticBatches(8, encoder().channels(), encoder().imageSize(), 8, 7);
    }

    protected TrainingSession session(long steps) {
        TrainConfig tc = new TrainConfig(1, steps, 8, 11, optimizer(), 0, 1, 5);
        return new TrainingSession(method(), encoder(), tc, steps);
    }

    @Test
    void graphHasEncoderUnderItsScope() {
        TrainingSession s = session(1);
        String scope = method().encoderScope() + "/";
        assertTrue(s.sd().hasVariable(scope + "stem/conv/W"), "no " + scope + "stem/conv/W");
        assertTrue(s.sd().hasVariable(scope + "layer4/1/bn2/running_var"));
    }

    @Test
    void lossIsFiniteAndFallsOverTwentySteps() {
        // A method that never pretrains (the supervised row) has no objective to fall.
        Assumptions.assumeTrue(method().pretrains(), "method does not pretrain");
        TrainingSession s = session(20);
        SyntheticBatches d = data();
        List<Double> curve = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            double v = s.step(i, d.batch(i)).losses().get(fallingTerm());
            assertTrue(Double.isFinite(v), "step " + i + ": " + v);
            curve.add(v);
            if (i % 5 == 4) {
                System.gc();
            }
        }
        double first = (curve.get(0) + curve.get(1) + curve.get(2)) / 3;
        double last = (curve.get(17) + curve.get(18) + curve.get(19)) / 3;
        assertTrue(last < first, fallingTerm() + " did not fall: " + curve);
    }

    @Test
    void emaTargetsMoveWhenTheMethodHasThem() {
        TrainingSession s = session(3);
        assumeFalse(s.graph().ema().isEmpty(), method().name() + " has no EMA targets");
        String prefix = s.graph().ema().get(0).targetPrefix();
        String anyTarget = s.variables().keySet().stream()
                .filter(n -> n.startsWith(prefix) && n.endsWith("conv/W")).findFirst().orElseThrow();
        INDArray before = s.sd().getArrForVarName(anyTarget).dup();
        SyntheticBatches d = data();
        for (int i = 0; i < 3; i++) {
            s.step(i, d.batch(i));
        }
        assertFalse(before.equalsWithEps(s.sd().getArrForVarName(anyTarget), 0.0), anyTarget + " did not move");
    }

    /**
     * Array recycling must not change a single number: three steps with ND4J's own session and
     * three with recycled arrays poisoned with NaN give the same losses and weights, so no op
     * reads memory freed too early or assumes zeroed output. The pool must also really be used.
     */
    @Test
    void recycledArraysChangeNoResult() {
        Assumptions.assumeTrue(method().pretrains(), "method does not pretrain");
        long reusedBefore = RecyclingSession.reusedTotal();
        Run plain = GraphPlan.with(false, () -> RecyclingSession.withMode(RecyclingSession.Mode.OFF, () -> steps(3)));
        Run recycled = GraphPlan.with(false, () -> RecyclingSession.withMode(RecyclingSession.Mode.POISON, () -> steps(3)));
        assertTrue(RecyclingSession.reusedTotal() - reusedBefore > 100,
                "arrays reused: " + (RecyclingSession.reusedTotal() - reusedBefore));
        assertSame(plain, recycled, "ND4J's memory manager", "recycling");
    }

    /**
     * A replayed graph plan must not change a single number either: four steps through the session
     * and four replayed from the plan recorded at the first (recycled arrays poisoned with NaN), same
     * losses and weights.
     */
    @Test
    void replayedPlansChangeNoResult() {
        Assumptions.assumeTrue(method().pretrains(), "method does not pretrain");
        Run plain = GraphPlan.with(false, () -> RecyclingSession.withMode(RecyclingSession.Mode.ON, () -> steps(4)));
        long replaysBefore = GraphPlan.replaysTotal();
        Run planned = GraphPlan.with(true, () -> RecyclingSession.withMode(RecyclingSession.Mode.POISON, () -> steps(4)));
        assertTrue(GraphPlan.replaysTotal() - replaysBefore >= 3, "replays: " + (GraphPlan.replaysTotal() - replaysBefore));
        assertSame(plain, planned, "the session", "replayed plans");
    }

    private static void assertSame(Run a, Run b, String aName, String bName) {
        assertEquals(a.losses().keySet(), b.losses().keySet());
        for (var e : a.losses().entrySet()) {
            double x = e.getValue();
            double y = b.losses().get(e.getKey());
            assertTrue(Double.isFinite(y) && Math.abs(x - y) <= 1e-5 * Math.max(1, Math.abs(x)),
                    e.getKey() + ": " + x + " with " + aName + ", " + y + " with " + bName);
        }
        assertEquals(a.weights().keySet(), b.weights().keySet());
        for (var e : a.weights().entrySet()) {
            assertTrue(e.getValue().equalsWithEps(b.weights().get(e.getKey()), 1e-5), e.getKey() + " differs");
        }
    }

    private record Run(Map<String, Double> losses, Map<String, INDArray> weights) {
    }

    private Run steps(int count) {
        TrainingSession s = session(count);
        SyntheticBatches d = data();
        Map<String, Double> losses = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            for (var e : s.step(i, d.batch(i)).losses().entrySet()) {
                losses.put(i + "/" + e.getKey(), e.getValue());
            }
        }
        Map<String, INDArray> weights = new TreeMap<>();
        s.variables().forEach((n, a) -> weights.put(n, a.dup()));
        return new Run(losses, weights);
    }

    /** Helper for subclasses: one step's losses. */
    protected static Map<String, Double> oneStep(TrainingSession s, SyntheticBatches d, long step) {
        return s.step(step, d.batch(step)).losses();
    }
}
