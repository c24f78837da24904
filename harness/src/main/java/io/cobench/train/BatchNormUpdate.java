package io.cobench.train;

import io.cobench.graph.GraphContext;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The running statistics of trainable batch norm after a step: {@code running = (1 - momentum)
 * running + momentum batch}, as PyTorch does it (with the biased batch variance). The graph blocks
 * output each layer's batch moments; pretraining and downstream training both fold them in here.
 */
public final class BatchNormUpdate {
    private BatchNormUpdate() {
    }

    /** Folds the batch moments in {@code outputs} (a step's outputs) into {@code sd}'s running statistics. */
    public static void apply(SameDiff sd, List<GraphContext.BnLayer> layers, Map<String, INDArray> outputs) {
        for (GraphContext.BnLayer l : layers) {
            double m = l.momentum();
            INDArray rm = sd.getArrForVarName(l.runningMean());
            INDArray rv = sd.getArrForVarName(l.runningVar());
            FloatLoops.blend(rm, 1 - m, sameShape(outputs.get(l.batchMean().name()), rm), m);
            FloatLoops.blend(rv, 1 - m, sameShape(outputs.get(l.batchVar().name()), rv), m);
        }
    }

    /** {@code a} as {@code like}'s shape; the array itself where the shapes already agree (no view). */
    private static INDArray sameShape(INDArray a, INDArray like) {
        return java.util.Arrays.equals(a.shape(), like.shape()) ? a : a.reshape(like.shape());
    }
}
