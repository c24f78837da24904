package io.cobench.train;

import io.cobench.spi.OptimizerConfig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.cobench.graph.GraphContext;
import io.cobench.graph.Layers;
import io.cobench.graph.ResNetConfig;
import io.cobench.spi.SslMethod;
import io.cobench.spi.TrainGraph;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Running statistics follow the momentum rule, and eval mode normalises with them. */
class BatchNormStatisticsTest {

    /** A BN on the input and a trainable scale, so there is something to optimise. */
    static final class BnProbe implements SslMethod {
        @Override
        public String name() {
            return "bn-probe";
        }

        @Override
        public Record config() {
            return null;
        }

        @Override
        public String encoderScope() {
            return "probe";
        }

        @Override
        public TrainGraph build(GraphContext ctx, ResNetConfig encoder) {
            SameDiff sd = ctx.sd();
            SDVariable x = sd.placeHolder("view1", DataType.FLOAT, -1, 2, 3, 3);
            GraphContext p = ctx.scope("probe");
            SDVariable y = Layers.batchNorm2d(p, "bn", x, 2);
            SDVariable w = p.ones("scale", 1);
            SDVariable loss = y.mul(w).mul(y).mean().rename("loss");
            return TrainGraph.simple(Map.of("loss", loss.name()), List.of(), Map.of());
        }
    }

    @Test
    void runningStatisticsEqualHandComputedAveragesAfterThreeSteps() {
        TrainConfig tc = new TrainConfig(1, 3, 4, 1, OptimizerConfig.sgd(0.01, 0.0, 0.0), 0, 1, 0);
        TrainingSession s = new TrainingSession(new BnProbe(), new ResNetConfig(18, 1, 1, 32), tc, 3);
        double[] mean = {0, 0};
        double[] var = {1, 1};
        for (int step = 0; step < 3; step++) {
            INDArray x = Nd4j.rand(DataType.FLOAT, 4, 2, 3, 3).muli(step + 1).addi(step);
            for (int c = 0; c < 2; c++) {
                double[] v = x.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                        org.nd4j.linalg.indexing.NDArrayIndex.point(c)).dup().data().asDouble();
                double m = java.util.Arrays.stream(v).average().orElseThrow();
                double b = java.util.Arrays.stream(v).map(t -> (t - m) * (t - m)).average().orElseThrow();
                mean[c] = 0.9 * mean[c] + 0.1 * m;
                var[c] = 0.9 * var[c] + 0.1 * b;
            }
            s.step(step, Map.of("view1", x));
        }
        assertArrayEquals(mean, s.sd().getArrForVarName("probe/bn/running_mean").toDoubleVector(), 1e-5);
        assertArrayEquals(var, s.sd().getArrForVarName("probe/bn/running_var").toDoubleVector(), 1e-5);

        // Eval mode: the same layer normalises with the running statistics.
        SameDiff eval = SameDiff.create();
        GraphContext ectx = GraphContext.create(eval, GraphContext.Mode.EVAL, 1).scope("probe");
        SDVariable ex = eval.placeHolder("x", DataType.FLOAT, -1, 2, 3, 3);
        SDVariable ey = Layers.batchNorm2d(ectx, "bn", ex, 2);
        for (String n : List.of("probe/bn/gamma", "probe/bn/beta", "probe/bn/running_mean", "probe/bn/running_var")) {
            eval.getArrForVarName(n).assign(s.sd().getArrForVarName(n));
        }
        INDArray probe = Nd4j.rand(DataType.FLOAT, 1, 2, 3, 3);
        INDArray out = eval.output(Map.of("x", probe), ey.name()).get(ey.name());
        double[] gamma = s.sd().getArrForVarName("probe/bn/gamma").toDoubleVector();
        double[] beta = s.sd().getArrForVarName("probe/bn/beta").toDoubleVector();
        for (int c = 0; c < 2; c++) {
            double in = probe.getDouble(0, c, 1, 2);
            double expect = (in - mean[c]) / Math.sqrt(var[c] + Layers.BN_EPS) * gamma[c] + beta[c];
            org.junit.jupiter.api.Assertions.assertEquals(expect, out.getDouble(0, c, 1, 2), 1e-4);
        }
    }
}
