package io.cobench.coboom;

import io.cobench.engine.QuietStdout;
import io.cobench.graph.GraphContext;
import java.util.Set;
import java.util.function.BiFunction;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.validation.GradCheckUtil;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A finite-difference check that leaves out named variables. Finite differences cannot see a
 * stop-gradient: l_cb = |sg[y] - e|^2 changes with y numerically while its gradient to y is zero by
 * design. Each loss term is therefore checked against the variables it is meant to train, and
 * the variables it stops are named in {@code skip}. Otherwise as the harness's GradChecks.
 */
final class PartialGradCheck {
    private PartialGradCheck() {
    }

    static boolean check(long seed, INDArray input, Set<String> skip,
                         BiFunction<GraphContext, SDVariable, SDVariable> block) {
        DataType[] saved = {Nd4j.dataType(), Nd4j.defaultFloatingPointType()};
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        try {
            QuietStdout.install();
            SameDiff sd = SameDiff.create();
            GraphContext ctx = GraphContext.create(sd, GraphContext.Mode.TRAIN, seed);
            SDVariable in = sd.var("input", input.castTo(DataType.DOUBLE));
            SDVariable out = block.apply(ctx, in);
            if (!ctx.nonTrainable().isEmpty()) {
                sd.convertToConstants(ctx.nonTrainable().stream().map(sd::getVariable).toList());
            }
            INDArray probe = Nd4j.rand(DataType.DOUBLE, out.eval().shape()).subi(0.5);
            out.mul(sd.constant("probe", probe)).sum().rename("scalar_loss");
            sd.setLossVariables("scalar_loss");
            return GradCheckUtil.checkGradients(sd, null, 1e-6, 1e-3, 1e-5, false, false, false, false, skip, null);
        } finally {
            Nd4j.setDefaultDataTypes(saved[0], saved[1]);
        }
    }
}
