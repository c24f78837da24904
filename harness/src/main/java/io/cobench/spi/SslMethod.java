package io.cobench.spi;

import io.cobench.data.pipeline.ViewTransform;
import io.cobench.graph.GraphContext;
import io.cobench.graph.ResNetConfig;
import java.util.Map;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A self-supervised method: it builds its graph from harness blocks and names its loss terms.
 * The harness owns everything else: data feeding, optimisers, schedules, EMA, checkpoints,
 * logging. One instance serves one run.
 *
 * <p>State that must survive a resume (queues, prototypes, EMA codebooks) lives in graph
 * variables created with {@code GraphContext.state}, which checkpoints hold; randomness is
 * derived from (seed, step), so a resumed run replays it.
 */
public interface SslMethod {

    /** Registry key of the preset this instance was made from (equals its YAML file name). */
    String name();

    /** The resolved config record, written into the run's provenance. */
    Record config();

    /**
     * The method's own view pipeline, if it has one (PCRLv2, CAiD, DiRA). Empty means the
     * harness's standard two-view pipeline of methods.md, which yields {@code view1},
     * {@code view2} and the clean {@code target}.
     */
    default Optional<ViewTransform> customViews(ResNetConfig encoder) {
        return Optional.empty();
    }

    /**
     * Builds the training graph in {@code ctx} (TRAIN mode, root scope). Placeholders must be
     * named as {@link #views}'s outputs, plus any from {@link #extraInputs}.
     */
    TrainGraph build(GraphContext ctx, ResNetConfig encoder);

    /**
     * Refuses a training batch size this method cannot train with, by a {@link io.cobench.cli.UserError}
     * naming the value; called before {@link #build}, since a graph serves any batch size and an
     * unfit one would otherwise fail deep inside an op at the first step.
     */
    default void checkBatchSize(int batchSize) {
    }

    /**
     * False for baselines that enter the downstream protocols without pretraining (the
     * supervised row "Sup."): the benchmark then starts from a random-initialised encoder.
     */
    default boolean pretrains() {
        return true;
    }

    /**
     * Scope of the encoder that downstream evaluation takes over: {@code encoder} unless the method
     * says otherwise (a method with a target network: {@code online/encoder}).
     */
    default String encoderScope() {
        return "encoder";
    }

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
