package io.cobench.benchmark.model;

import io.cobench.benchmark.data.Split;
import io.cobench.graph.GraphContext;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Builds one downstream network. Called several times with the same seed and different modes
 * (a training graph, an evaluation graph, a fresh initialisation), it must give the same variable
 * names and, for one seed, the same initial values.
 */
public interface NetRecipe {

    /**
     * @param encoderMode BN mode of the encoder (EVAL for a frozen encoder)
     * @param headMode BN mode of everything after the encoder
     */
    NetGraph build(GraphContext.Mode encoderMode, GraphContext.Mode headMode, long seed);

    /** What the target placeholder receives for {@code rows} of {@code split}. */
    INDArray targets(Split split, int[] rows);
}
