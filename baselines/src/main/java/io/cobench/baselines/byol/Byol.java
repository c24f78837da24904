package io.cobench.baselines.byol;

import io.cobench.graph.TwoViews;
import io.cobench.graph.SslOps;
import io.cobench.graph.GraphContext;
import io.cobench.graph.Mlp;
import io.cobench.graph.ResNet;
import io.cobench.graph.ResNetConfig;
import io.cobench.spi.EmaSpec;
import io.cobench.spi.ConfiguredMethod;
import io.cobench.spi.TrainGraph;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * BYOL (Grill et al. 2020): the online encoder, projector and predictor regress the target's
 * projection of the other view; the target is an EMA of the online encoder and projector.
 *
 * <p>Both views go through each network as one batch of 2B (BN statistics over both views), and
 * the target receives the views in swapped order, so that row i of the online prediction faces
 * the target projection of the other view of the same image: the symmetric loss
 * d(p1, sg z'2) + d(p2, sg z'1) is then 2 d(p, sg z'_swapped) over the 2B rows.
 */
public final class Byol extends ConfiguredMethod<ByolConfig> {

    public Byol(String name, ByolConfig cfg) {
        super(name, cfg);
    }

    @Override
    public String encoderScope() {
        return "online/encoder";
    }

    @Override
    public TrainGraph build(GraphContext ctx, ResNetConfig enc) {
        SameDiff sd = ctx.sd();
        TwoViews views = TwoViews.declare(sd, enc);
        SDVariable v1 = views.view1();
        SDVariable both = views.both();
        SDVariable swapped = views.swapped(sd);

        GraphContext online = ctx.scope("online");
        SDVariable z = branch(online, both, enc);
        SDVariable p = Mlp.build(online.scope("predictor"), z, cfg.projector().out(), cfg.predictor());

        GraphContext target = ctx.scope("target");
        SDVariable zt = SslOps.stopGradient(sd, branch(target, swapped, enc));

        SDVariable loss = SslOps.regression(sd, "regression", p, zt, SslOps.RowNorm.DIVIDE).mul("loss", 2.0);
        return TrainGraph.simple(Map.of("loss", loss.name()),
                List.of(new EmaSpec("online/", "target/", cfg.tau0(), true)), Map.of());
    }

    /** Encoder and projector under {@code ctx}'s scope; identical names in online/ and target/. */
    private SDVariable branch(GraphContext ctx, SDVariable x, ResNetConfig enc) {
        ResNet.Features f = ResNet.build(ctx.scope("encoder"), x, enc);
        return Mlp.build(ctx.scope("projector"), f.pooled(), f.channels(), cfg.projector());
    }
}
