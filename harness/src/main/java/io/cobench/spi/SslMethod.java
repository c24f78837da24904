package io.cobench.spi;

import io.cobench.data.pipeline.ViewTransform;
import io.cobench.graph.GraphContext;
import io.cobench.graph.ResNetConfig;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A self-supervised method: it builds its graph from harness blocks and names its loss terms.
 * The harness owns everything else: data feeding, optimisers, schedules, EMA, checkpoints,
 * logging. One instance serves one run.
 */
public interface SslMethod {

    /** Registry key of the preset this instance was made from (equals its YAML file name). */
    String name();

    /** The resolved config record, written into the run's provenance. */
    Record config();

    /** How one image becomes the arrays the graph's placeholders receive. */
    ViewTransform views(ResNetConfig encoder);

    /**
     * Builds the training graph in {@code ctx} (TRAIN mode, root scope). Placeholders must be
     * named as {@link #views}'s outputs, plus any from {@link #extraInputs}.
     */
    TrainGraph build(GraphContext ctx, ResNetConfig encoder);

    /** Scope of the encoder that downstream evaluation takes over, e.g. {@code online/encoder}. */
    String encoderScope();

    /** Values for placeholders that do not come from images (schedules, random choices). */
    default Map<String, INDArray> extraInputs(StepState state) {
        return Map.of();
    }

    /**
     * Called after every optimiser step with the step's requested outputs: in-place updates the
     * optimisers do not make (prototype re-normalisation, queues, EMA codebooks).
     */
    default void afterStep(StepState state, Map<String, INDArray> outputs) {
    }
}
