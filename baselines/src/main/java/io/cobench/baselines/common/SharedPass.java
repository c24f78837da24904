package io.cobench.baselines.common;

import io.cobench.graph.GraphContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;

/**
 * A second forward pass through a network that already exists in the graph, on an input of
 * another batch or size, with the same weights.
 *
 * <p>The harness's layers create their variables as they build, so the pass is built under a
 * temporary scope with a throw-away registry, and every op input that is one of its variables is
 * then rebound to the variable of the same name without the scope; the temporary variables are
 * removed. Gradients from both passes then add up in the shared weights. The pass's batch-norm
 * layers normalise with their own batch statistics but do not update the running statistics
 * (the first pass does).
 */
public final class SharedPass {
    private SharedPass() {
    }

    /**
     * Builds {@code pass} under scope {@code scope} (a name not used otherwise) and rebinds it to
     * the existing variables. {@code pass} receives a root context; it must create exactly
     * variables that already exist without the scope.
     */
    public static <T> T build(GraphContext ctx, String scope, long seed, Function<GraphContext, T> pass) {
        SameDiff sd = ctx.sd();
        String prefix = scope + "/";
        // A fresh context keeps the pass's BN layers and state out of the harness's registry.
        T out = pass.apply(GraphContext.create(sd, ctx.mode(), seed).scope(scope));
        List<SDVariable> temporary = new ArrayList<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE && v.name().startsWith(prefix)) {
                temporary.add(v);
            }
        }
        for (SDVariable tmp : temporary) {
            String shared = tmp.name().substring(prefix.length());
            if (!sd.hasVariable(shared) || sd.getVariable(shared).getVariableType() != VariableType.VARIABLE) {
                throw new IllegalStateException("shared pass created " + tmp.name() + " but the graph has no variable "
                        + shared + " to share");
            }
            SDVariable target = sd.getVariable(shared);
            for (DifferentialFunction op : sd.ops()) {
                SDVariable[] args = op.args();
                for (int i = 0; i < args.length; i++) {
                    if (args[i].name().equals(tmp.name())) {
                        sd.replaceArgFor(i, target, op);
                    }
                }
            }
            sd.getVariables().remove(tmp.name());
        }
        return out;
    }
}
