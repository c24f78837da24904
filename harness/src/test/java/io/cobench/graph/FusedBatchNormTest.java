package io.cobench.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.engine.QuietStdout;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fused batch norm in float32, where oneDNN's kernels run (the double-precision gradient
 * checks in BlocksGradientTest exercise libnd4j's generic kernels): outputs, gradients and batch
 * statistics must equal the hand-built version's.
 */
class FusedBatchNormTest {

    /** Output, d(loss)/d(input), d(loss)/d(gamma), d(loss)/d(beta), batch mean and variance. */
    private static Map<String, INDArray> run(Layers.BnImpl impl, INDArray input, INDArray probe, boolean conv) {
        QuietStdout.install();
        Map<String, INDArray> out = new HashMap<>();
        BlocksGradientTest.withBn(impl, () -> {
            SameDiff sd = SameDiff.create();
            GraphContext ctx = GraphContext.create(sd, GraphContext.Mode.TRAIN, 7);
            SDVariable x = sd.var("x", input.dup());
            int c = (int) input.size(1);
            SDVariable y = conv ? Layers.batchNorm2d(ctx, "bn", x, c) : Layers.batchNorm1d(ctx, "bn", x, c);
            // Non-trivial scale and shift, so that their gradients and the input's differ.
            sd.getArrForVarName("bn/gamma").assign(Nd4j.linspace(DataType.FLOAT, 0.5, 0.25, c));
            sd.getArrForVarName("bn/beta").assign(Nd4j.linspace(DataType.FLOAT, -0.3, 0.2, c));
            y.mul(sd.constant("probe", probe)).sum().rename("loss");
            sd.setLossVariables("loss");
            sd.convertToConstants(ctx.nonTrainable().stream().map(sd::getVariable).toList());
            GraphContext.BnLayer bn = ctx.bnLayers().get(0);
            var r = sd.calculateGradientsAndOutputs(Map.of(), List.of(y.name(), bn.batchMean().name(),
                    bn.batchVar().name()), List.of("x", "bn/gamma", "bn/beta"));
            out.put("y", r.getOutputs().get(y.name()));
            out.put("mean", r.getOutputs().get(bn.batchMean().name()).reshape(c));
            out.put("var", r.getOutputs().get(bn.batchVar().name()).reshape(c));
            out.put("dx", r.getGradients().get("x"));
            out.put("dgamma", r.getGradients().get("bn/gamma"));
            out.put("dbeta", r.getGradients().get("bn/beta"));
            long nativeBackward = sd.getFunction("grad").getOps().values().stream()
                    .filter(o -> o.getOp().opName().equals("batchnorm_bp")).count();
            out.put("native_bp_ops", Nd4j.scalar(nativeBackward));
        });
        return out;
    }

    private static void assertSame(INDArray input, boolean conv) {
        Nd4j.getRandom().setSeed(11);
        INDArray probe = Nd4j.rand(DataType.FLOAT, input.shape()).subi(0.5);
        Map<String, INDArray> p = run(Layers.BnImpl.PRIMITIVE, input, probe, conv);
        Map<String, INDArray> f = run(Layers.BnImpl.FUSED, input, probe, conv);
        for (String k : List.of("y", "mean", "var", "dx", "dgamma", "dbeta")) {
            INDArray a = p.get(k);
            INDArray b = f.get(k);
            assertEquals(java.util.Arrays.toString(a.shape()), java.util.Arrays.toString(b.shape()), k);
            double scale = Math.max(1e-3, a.amaxNumber().doubleValue());
            double diff = a.sub(b).amaxNumber().doubleValue();
            assertTrue(diff <= 2e-4 * scale, k + ": max |primitive - fused| = " + diff + " at scale " + scale);
        }
        // The backward is the composition in FusedBatchNorm.doDiff, not libnd4j's slow batchnorm_bp
        assertEquals(0L, f.get("native_bp_ops").getLong(0));
        // The input gradient of a batch norm sums to zero over each normalised group; a route
        // that let a second gradient through the statistics would break this.
        INDArray dx = f.get("dx");
        INDArray sums = conv ? dx.sum(0, 2, 3) : dx.sum(0);
        assertTrue(sums.amaxNumber().doubleValue() < 1e-3, "dx sums " + sums);
    }

    @Test
    void fusedEqualsHandBuiltOnConvolutionMaps() {
        Nd4j.getRandom().setSeed(3);
        assertSame(Nd4j.randn(DataType.FLOAT, 8, 16, 8, 8).muli(2).addi(0.7), true);
    }

    @Test
    void fusedEqualsHandBuiltOnFeatureVectors() {
        Nd4j.getRandom().setSeed(4);
        assertSame(Nd4j.randn(DataType.FLOAT, 16, 32).muli(3).subi(1), false);
    }
}
