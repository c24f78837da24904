package io.cobench.engine;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The gradient calls of one training loop, each replayed from its {@link GraphPlan} after its first
 * run, where the graph allows it. A plan holds every array of a step, so at most
 * {@value #MAX_PLANS} are kept (a last, smaller batch gets one of its own, and the oldest goes).
 */
public final class GraphPlans {
    static final int MAX_PLANS = 2;
    private final SameDiff sd;
    private final String owner;
    private final boolean on = GraphPlan.enabled();
    private final Map<String, GraphPlan> plans = new LinkedHashMap<>();
    private final Set<String> unplannable = new HashSet<>();

    /** @param owner names the loop in the note printed when its graph cannot be replayed */
    public GraphPlans(SameDiff sd, String owner) {
        this.sd = sd;
        this.owner = owner;
    }

    /** {@code sd.calculateGradientsAndOutputs(placeholders, outputs, gradientsOf)}, replayed where it can be. */
    public OutAndGrad run(Map<String, INDArray> placeholders, List<String> outputs, List<String> gradientsOf) {
        if (!on) {
            return sd.calculateGradientsAndOutputs(placeholders, outputs, gradientsOf);
        }
        String call = outputs + "|" + gradientsOf;
        if (unplannable.contains(call)) {
            return sd.calculateGradientsAndOutputs(placeholders, outputs, gradientsOf);
        }
        StringBuilder key = new StringBuilder(call);
        placeholders.forEach((k, v) -> key.append('|').append(k).append(Arrays.toString(v.shape())).append(v.dataType()));
        GraphPlan plan = plans.get(key.toString());
        if (plan != null) {
            OutAndGrad og = plan.replay(placeholders);
            if (og != null) {
                return og;
            }
            plans.remove(key.toString());
        }
        GraphPlan.Recorded r = GraphPlan.record(sd, placeholders, outputs, gradientsOf);
        if (r.plan() == null) {
            unplannable.add(call);
            System.err.println("note: " + owner + ": the training graph runs through SameDiff's session every step ("
                    + r.whyNot() + ")");
        } else {
            if (plans.size() >= MAX_PLANS) {
                plans.remove(plans.keySet().iterator().next());
            }
            plans.put(key.toString(), r.plan());
        }
        return r.result();
    }
}
