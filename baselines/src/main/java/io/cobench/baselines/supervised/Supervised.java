package io.cobench.baselines.supervised;

import io.cobench.data.pipeline.TwoViewTransform;
import io.cobench.graph.TwoViews;
import io.cobench.graph.GraphContext;
import io.cobench.graph.ResNet;
import io.cobench.graph.ResNetConfig;
import io.cobench.spi.ConfiguredMethod;
import io.cobench.spi.StepState;
import io.cobench.spi.TrainGraph;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The supervised row "Sup.": a random-initialised encoder that enters the downstream protocols
 * (linear probe, fine-tuning, segmentation) without pretraining, so it learns from the labels only.
 *
 * <p>{@link #build} creates the encoder under {@code encoder/}, which is where the benchmark takes
 * the random initial weights from. The graph has no objective: its "loss" only exists because a
 * training graph must name one, and any attempt to take a pretraining step fails in
 * {@link #extraInputs} with a message, so a misconfigured run cannot silently "pretrain" Sup.
 */
public final class Supervised extends ConfiguredMethod<SupervisedConfig> {

    public Supervised(String name, SupervisedConfig cfg) {
        super(name, cfg);
    }

    @Override
    public boolean pretrains() {
        return false;
    }

    @Override
    public TrainGraph build(GraphContext ctx, ResNetConfig enc) {
        SameDiff sd = ctx.sd();
        SDVariable v1 = TwoViews.image(sd, TwoViewTransform.VIEW1, enc);
        ResNet.Features f = ResNet.build(ctx.scope("encoder"), v1, enc);
        SDVariable none = f.pooled().mean().mul("loss", 0.0);
        return TrainGraph.simple(Map.of("loss", none.name()), List.of(), Map.of());
    }

    @Override
    public Map<String, INDArray> extraInputs(StepState state) {
        throw new IllegalStateException("method '" + name() + "' (Sup.) does not pretrain: it enters the downstream "
                + "protocols with a random-initialised encoder; run it with the benchmark, not the pretrainer");
    }
}
