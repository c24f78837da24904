package io.cobench.baselines.simsiam;

import io.cobench.graph.GraphContext;
import io.cobench.graph.Mlp;
import io.cobench.graph.MlpConfig;
import io.cobench.graph.ResNet;
import io.cobench.graph.ResNetConfig;
import io.cobench.graph.SslOps;
import io.cobench.graph.TwoViews;
import io.cobench.spi.ConfiguredMethod;
import io.cobench.spi.SingleMethodProvider;
import io.cobench.spi.TrainGraph;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * SimSiam (Chen and He, CVPR 2021) as the worked example of docs/add-a-baseline.md: the whole
 * method (config record, graph, provider) in one file, registered by one services line, with one
 * preset per scale and one contract test. It lives in the test sources, so it proves the recipe on
 * every build without becoming a row of the shipped tables.
 *
 * <p>Loss: {@code -1/2 (cos(p1, sg(z2)) + cos(p2, sg(z1)))}. Both views pass the encoder in one
 * batch; z is reshaped to [2, B, D] and its two halves swapped with {@code reverse} on axis 0, so
 * no slice is needed, and the swap sits behind the stop-gradient, so its backward is never built.
 */
public final class SimSiam extends ConfiguredMethod<SimSiam.Config> {

    /** Every choice the method makes; YAML {@code params:} binds to it field by field. */
    public record Config(MlpConfig projector, MlpConfig predictor) {
        public Config {
            if (projector == null || predictor == null) {
                throw new IllegalArgumentException("simsiam: projector and predictor are required");
            }
            if (predictor.out() != projector.out()) {
                throw new IllegalArgumentException("simsiam: predictor.out (" + predictor.out()
                        + ") must equal projector.out (" + projector.out() + "): p is compared with z");
            }
        }

        /** The paper's ImageNet heads: a 3-layer 2048-d projector, a 512-d bottleneck predictor. */
        public static Config paper() {
            return new Config(new MlpConfig(3, 2048, 2048, true, true), new MlpConfig(2, 512, 2048, true, false));
        }
    }

    /** Registers the method under {@code simsiam}, table row "SimSiam". */
    public static final class Provider extends SingleMethodProvider<Config> {
        public Provider() {
            super("simsiam", "SimSiam", "SimSiam: a predictor matches the stop-gradient projection of the other view",
                    Config.class, Config::paper, SimSiam::new);
        }
    }

    public SimSiam(String name, Config cfg) {
        super(name, cfg);
    }

    @Override
    public TrainGraph build(GraphContext ctx, ResNetConfig enc) {
        SameDiff sd = ctx.sd();
        ResNet.Features f = TwoViews.encode(ctx, "encoder", enc).features();
        SDVariable z = Mlp.build(ctx.scope("projector"), f.pooled(), f.channels(), cfg.projector());
        SDVariable p = Mlp.build(ctx.scope("predictor"), z, cfg.projector().out(), cfg.predictor());
        SDVariable other = swapViews(sd, SslOps.stopGradient(sd, z), cfg.projector().out());
        SDVariable loss = SslOps.meanCosine(sd, p, other).neg("loss");
        return TrainGraph.simple(Map.of("loss", loss.name()), List.of(), Map.of());
    }

    /** Rows [z1; z2] of a [2B, D] matrix as [z2; z1]. */
    static SDVariable swapViews(SameDiff sd, SDVariable z, int dim) {
        return sd.reverse(z.reshape(2, -1, dim), 0).reshape(-1, dim);
    }
}
