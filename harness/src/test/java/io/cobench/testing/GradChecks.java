package io.cobench.testing;

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
 * Gradient checks for graph blocks, shared with other modules' tests through the test-jar.
 * Builds in double precision with the input as a variable (GradCheckUtil cannot handle
 * placeholders), and reduces the block's output to a scalar with fixed random weights so that
 * every output element contributes a distinct gradient.
 */
public final class GradChecks {
    private GradChecks() {
    }

    /**
     * Runs a finite-difference check of every variable of the graph built by {@code block}.
     *
     * @param block builds the block in a TRAIN-mode root context on the input and returns its output
     * @return true if all gradients match within GradCheckUtil's default tolerances
     */
    public static boolean check(long seed, INDArray input, BiFunction<GraphContext, SDVariable, SDVariable> block) {
        return check(seed, input, Set.of(), 0, block);
    }

    /**
     * As {@link #check(long, INDArray, BiFunction)}, leaving out the variables in {@code skip} and,
     * when {@code maxPerVariable > 0}, checking only that many randomly chosen elements of each
     * variable (every element costs two forward passes, which for conv blocks means minutes).
     */
    public static boolean check(long seed, INDArray input, Set<String> skip, int maxPerVariable,
                                BiFunction<GraphContext, SDVariable, SDVariable> block) {
        DataType[] saved = {Nd4j.dataType(), Nd4j.defaultFloatingPointType()};
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        try {
            Nd4j.getRandom().setSeed(seed);
            QuietStdout.install();
            SameDiff sd = SameDiff.create();
            GraphContext ctx = GraphContext.create(sd, GraphContext.Mode.TRAIN, seed);
            SDVariable in = sd.var("input", input.castTo(DataType.DOUBLE));
            SDVariable out = block.apply(ctx, in);
            // Running statistics and other state get no gradient; GradCheckUtil wants one for every variable.
            if (!ctx.nonTrainable().isEmpty()) {
                sd.convertToConstants(ctx.nonTrainable().stream().map(sd::getVariable).toList());
            }
            INDArray probe = Nd4j.rand(DataType.DOUBLE, out.eval().shape()).subi(0.5);
            SDVariable p = sd.constant("probe", probe);
            out.mul(p).sum().rename("scalar_loss");
            sd.setLossVariables("scalar_loss");
            return GradCheckUtil.checkGradients(sd, null, 1e-6, 1e-3, 1e-5, false, false, false, false,
                    skip.isEmpty() ? null : skip, null, maxPerVariable > 0 ? maxPerVariable : -1,
                    maxPerVariable > 0 ? GradCheckUtil.Subset.RANDOM : null);
        } finally {
            Nd4j.setDefaultDataTypes(saved[0], saved[1]);
        }
    }
}
