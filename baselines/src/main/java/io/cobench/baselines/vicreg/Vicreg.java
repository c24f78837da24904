package io.cobench.baselines.vicreg;

import io.cobench.graph.TwoViews;
import io.cobench.graph.SslOps;
import io.cobench.graph.GraphContext;
import io.cobench.graph.Mlp;
import io.cobench.graph.ResNet;
import io.cobench.graph.ResNetConfig;
import io.cobench.spi.ConfiguredMethod;
import io.cobench.spi.TrainGraph;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * VICReg (Bardes et al. 2022): invariance between the two views' expanded embeddings, a hinge
 * that keeps every dimension's standard deviation near 1, and decorrelation of the dimensions.
 * Both views pass the encoder and expander as one batch of 2B.
 */
public final class Vicreg extends ConfiguredMethod<VicregConfig> {

    public Vicreg(String name, VicregConfig cfg) {
        super(name, cfg);
    }

    @Override
    public TrainGraph build(GraphContext ctx, ResNetConfig enc) {
        SameDiff sd = ctx.sd();
        TwoViews.Encoded in = TwoViews.encode(ctx, "encoder", enc);
        ResNet.Features f = in.features();
        SDVariable v1 = in.views().view1();
        SDVariable z = Mlp.build(ctx.scope("expander"), f.pooled(), f.channels(), cfg.expander());
        VicregLoss.Terms t = VicregLoss.terms(sd, "vicreg", z, SslOps.batchCount(sd, v1), cfg.expander().out(),
                cfg.varianceForm(), cfg.varianceEps());
        SDVariable loss = t.invariance().mul(cfg.invarianceWeight())
                .add(t.variance().mul(cfg.varianceWeight()))
                .add("loss", t.covariance().mul(cfg.covarianceWeight()));
        Map<String, String> terms = new LinkedHashMap<>();
        terms.put("loss", loss.name());
        terms.put("invariance", t.invariance().name());
        terms.put("variance", t.variance().name());
        terms.put("covariance", t.covariance().name());
        return TrainGraph.simple(terms, List.of(), Map.of());
    }
}
