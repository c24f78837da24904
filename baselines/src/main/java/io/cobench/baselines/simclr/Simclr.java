package io.cobench.baselines.simclr;

import io.cobench.graph.TwoViews;
import io.cobench.graph.SslOps;
import io.cobench.graph.GraphContext;
import io.cobench.graph.Mlp;
import io.cobench.graph.ResNet;
import io.cobench.graph.ResNetConfig;
import io.cobench.spi.ConfiguredMethod;
import io.cobench.spi.TrainGraph;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * SimCLR (Chen et al. 2020): encoder, projector and L2 normalisation; NT-Xent pulls the two views
 * of an image together against the other 2B - 2 embeddings of the batch. Both views pass the
 * encoder as one batch of 2B, so BN statistics cover both, as in SimCLR's global-BN setting.
 */
public final class Simclr extends ConfiguredMethod<SimclrConfig> {

    public Simclr(String name, SimclrConfig cfg) {
        super(name, cfg);
    }

    @Override
    public TrainGraph build(GraphContext ctx, ResNetConfig enc) {
        SameDiff sd = ctx.sd();
        TwoViews.Encoded in = TwoViews.encode(ctx, "encoder", enc);
        ResNet.Features f = in.features();
        SDVariable v1 = in.views().view1();
        SDVariable h = Mlp.build(ctx.scope("projector"), f.pooled(), f.channels(), cfg.projector());
        SDVariable z = SslOps.unitRows(sd, h);
        SDVariable loss = NtXent.loss(sd, "loss", z, SslOps.batchOnes(sd, v1), cfg.temperature());
        return TrainGraph.simple(Map.of("loss", loss.name()), List.of(), Map.of());
    }
}
