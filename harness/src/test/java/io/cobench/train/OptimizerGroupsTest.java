package io.cobench.train;

import io.cobench.spi.OptimizerConfig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cobench.graph.GraphContext;
import io.cobench.graph.ResNetConfig;
import io.cobench.spi.OptimizerGroup;
import io.cobench.spi.SslMethod;
import io.cobench.spi.TrainGraph;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Plain groups and groups that share a loss, on a two-parameter graph whose gradients are known by hand. */
class OptimizerGroupsTest {

    /** loss = sum(a * b): d/da = b, d/db = a. Group "main" holds a, group "b" holds b. */
    private static final class Product implements SslMethod {
        private final boolean plain;

        Product(boolean plain) {
            this.plain = plain;
        }

        @Override
        public String name() {
            return "product";
        }

        @Override
        public Record config() {
            return null;
        }

        @Override
        public String encoderScope() {
            return "a";
        }

        @Override
        public TrainGraph build(GraphContext ctx, ResNetConfig encoder) {
            SDVariable a = ctx.sd().var("a", Nd4j.createFromArray(new float[][] {{3, 4}}));
            SDVariable b = ctx.sd().var("b", Nd4j.createFromArray(new float[][] {{1, -2}}));
            SDVariable loss = ctx.sd().identity("loss", a.mul(b).sum());
            OptimizerGroup second = plain ? OptimizerGroup.plain("b", loss.name(), "b")
                    : new OptimizerGroup("b", loss.name(), "b", null);
            return new TrainGraph(Map.of("loss", loss.name()), List.of(OptimizerGroup.main(loss.name()), second),
                    List.of(), Map.of(), List.of());
        }
    }

    /** LARS, lr 0.5 unscaled, wd 0.1, no warmup: step 0 runs at the peak rate. */
    private static final OptimizerConfig LARS = new OptimizerConfig("lars", 0.5, false, 0.1, 0.9, 0.9, 0.999, 1e-8,
            0.001, 0, 0, 0);

    private static TrainingSession session(boolean plain, OptimizerConfig run) {
        return new TrainingSession(new Product(plain), new ResNetConfig(18, 4, 1, 32),
                new TrainConfig(1, 0, 2, 1, run, 0, 1, 0), 10);
    }

    private static double[] row(TrainingSession s, String v) {
        return s.sd().getArrForVarName(v).castTo(DataType.DOUBLE).reshape(2).toDoubleVector();
    }

    @Test
    void plainGroupStepsBySgdWithoutTrustRatioOrDecay() {
        TrainingSession s = session(true, LARS);
        s.step(0, Map.of());
        // b: plain SGD on its gradient a0 = [3, 4]: b1 = b0 - 0.5 * a0.
        assertArrayEquals(new double[] {1 - 1.5, -2 - 2.0}, row(s, "b"), 1e-6);
        // a: LARS on g = b0 = [1, -2]; g' = g + 0.1 a0 = [1.3, -1.6]; trust = 0.001 * 5 / |g'|.
        double trust = 0.001 * 5 / Math.hypot(1.3, -1.6);
        assertArrayEquals(new double[] {3 - 0.5 * trust * 1.3, 4 + 0.5 * trust * 1.6}, row(s, "a"), 1e-6);
    }

    @Test
    void groupsOnOneLossShareOneForwardPass() {
        TrainingSession s = session(false, OptimizerConfig.sgd(0.5, 0.9, 0.0));
        s.step(0, Map.of());
        // a1 = a0 - 0.5 b0 = [2.5, 5]. b's gradient is a as it was before that update:
        // b1 = b0 - 0.5 a0 = [-0.5, -4]; a second pass after a's step would give [-0.25, -4.5].
        assertArrayEquals(new double[] {2.5, 5}, row(s, "a"), 1e-6);
        assertArrayEquals(new double[] {-0.5, -4}, row(s, "b"), 1e-6);
        assertEquals(2, s.updaterState().size());
    }

    @Test
    void plainRefusesAGroupsOwnOptimiser() {
        assertThrows(IllegalArgumentException.class,
                () -> new OptimizerGroup("g", "loss", "x", OptimizerConfig.sgd(0.1, 0.9, 0), true));
    }
}
