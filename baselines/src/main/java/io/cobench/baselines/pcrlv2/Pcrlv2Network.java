package io.cobench.baselines.pcrlv2;

import io.cobench.graph.GraphContext;
import io.cobench.graph.Layers;
import io.cobench.graph.Mlp;
import io.cobench.graph.MlpConfig;
import io.cobench.graph.ResNetConfig;
import io.cobench.graph.UNetDecoder;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * One pass through PCRLv2's network: ResNet encoder, decoder without skips, and per decoder
 * level i a projection {@code pro_i = BN1d(GAP(level_i))} and a prediction
 * {@code pre_i = MLP(pro_i)} (c -> 2c -> BN -> ReLU -> c); the first view's pass also has the
 * mask heads (conv3x3-BN-ReLU-conv1x1 to the image channels, resized bilinearly to the input)
 * and the final restoration head.
 */
final class Pcrlv2Network {

    /** What a pass yields; masks and restoration are null for passes without them. */
    record Pass(List<SDVariable> pro, List<SDVariable> pre, List<SDVariable> masks, SDVariable restoration) {
    }

    private Pcrlv2Network() {
    }

    static Pass build(GraphContext ctx, SDVariable x, ResNetConfig enc, List<Integer> dec, boolean withMasks) {
        UNetDecoder.Stages st = UNetDecoder.encoder(ctx.scope("encoder"), x, enc);
        GraphContext d = ctx.scope("decoder");
        List<SDVariable> levels = UNetDecoder.withoutSkips(d, st.last(), st.lastChannels(), dec);
        List<SDVariable> pro = new ArrayList<>();
        List<SDVariable> pre = new ArrayList<>();
        List<SDVariable> masks = withMasks ? new ArrayList<>() : null;
        for (int i = 0; i < levels.size(); i++) {
            int c = dec.get(i);
            GraphContext h = ctx.scope("heads/" + i);
            SDVariable p = Layers.batchNorm1d(h, "pro", Layers.gap(h, "gap", levels.get(i)), c);
            pro.add(p);
            pre.add(Mlp.build(h.scope("pre"), p, c, new MlpConfig(2, 2 * c, c, true, false)));
            if (withMasks) {
                masks.add(mask(h.scope("mask"), levels.get(i), c, enc, i));
            }
        }
        SDVariable restoration = withMasks ? UNetDecoder.head(d, levels.get(4), dec.get(4), enc.channels()) : null;
        return new Pass(pro, pre, masks, restoration);
    }

    /** The deep-supervision head of level i, brought to the input size. */
    private static SDVariable mask(GraphContext ctx, SDVariable level, int c, ResNetConfig enc, int i) {
        SDVariable m = Layers.conv2d(ctx, "conv1", level, c, c, 3, 1, 1);
        m = Layers.batchNorm2d(ctx, "bn1", m, c);
        m = Layers.relu(ctx, "relu1", m);
        m = Layers.conv2dBias(ctx, "conv2", m, c, enc.channels(), 1, 1, 0);
        int size = enc.imageSize() >> (4 - i);
        if (size == enc.imageSize()) {
            return m;
        }
        return UNetDecoder.bilinearResize(ctx, "resize", m, enc.channels(), size, size, enc.imageSize(), enc.imageSize());
    }
}
