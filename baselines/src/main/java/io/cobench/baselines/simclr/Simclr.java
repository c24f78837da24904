package io.cobench.baselines.simclr;

import io.cobench.baselines.common.BatchSize;
import io.cobench.baselines.common.Losses;
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
import org.nd4j.linalg.api.buffer.DataType;

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
    public String encoderScope() {
        return "encoder";
    }

    @Override
    public TrainGraph build(GraphContext ctx, ResNetConfig enc) {
        SameDiff sd = ctx.sd();
        int s = enc.imageSize();
        SDVariable v1 = sd.placeHolder("view1", DataType.FLOAT, -1, enc.channels(), s, s);
        SDVariable v2 = sd.placeHolder("view2", DataType.FLOAT, -1, enc.channels(), s, s);
        SDVariable both = sd.concat("views", 0, v1, v2);
        ResNet.Features f = ResNet.build(ctx.scope("encoder"), both, enc);
        SDVariable h = Mlp.build(ctx.scope("projector"), f.pooled(), f.channels(), cfg.projector());
        SDVariable z = Losses.l2Normalize(sd, h);
        SDVariable loss = NtXent.loss(sd, "loss", z, BatchSize.ones(sd, v1), cfg.temperature());
        return TrainGraph.simple(Map.of("loss", loss.name()), List.of(), Map.of());
    }
}
