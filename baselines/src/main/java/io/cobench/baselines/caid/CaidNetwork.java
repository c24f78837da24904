package io.cobench.baselines.caid;

import io.cobench.graph.TwoViews;
import io.cobench.graph.SslOps;
import io.cobench.data.views.CaidViews;
import io.cobench.graph.GraphContext;
import io.cobench.graph.Mlp;
import io.cobench.graph.MocoQueue;
import io.cobench.graph.ResNet;
import io.cobench.graph.ResNetConfig;
import io.cobench.graph.UNetDecoder;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The CAiD generator: the query U-Net (encoder, head, decoder with skips and a one-channel
 * sigmoid output) under {@code online/}, the key encoder and head under {@code key/} (an EMA of
 * the query's, starting as a copy), and the queue under {@code queue/}.
 *
 * <p>MoCo shuffles the key batch across GPUs so that BN statistics cannot leak the positive
 * pair; on one device the key encoder normalises each of {@code keyBnGroups} sub-batches on its
 * own, while the query encoder sees the whole batch.
 */
public final class CaidNetwork {
    public static final String ONLINE = "online/";
    public static final String KEY = "key/";

    /**
     * The pieces a method builds its loss from.
     *
     * @param nce InfoNCE of the query against its key and the queue
     * @param mse restoration error of the query view against the target
     * @param reconstruction the decoder's output [N,1,H,W] in (0,1)
     * @param target the clean grey target [N,1,H,W]
     * @param key the unit key embeddings [N,D] that enter the queue after the step
     */
    public record Parts(SDVariable nce, SDVariable mse, SDVariable reconstruction, SDVariable target,
                        SDVariable key, MocoQueue queue) {
    }

    private CaidNetwork() {
    }

    public static Parts build(GraphContext ctx, ResNetConfig enc, CaidConfig cfg) {
        SameDiff sd = ctx.sd();
        int s = enc.imageSize();
        SDVariable xq = TwoViews.image(sd, CaidViews.VIEW1, enc);
        SDVariable xk = TwoViews.image(sd, CaidViews.VIEW2, enc);
        SDVariable y = sd.placeHolder(CaidViews.TARGET, DataType.FLOAT, -1, 1, s, s);

        GraphContext online = ctx.scope("online");
        UNetDecoder.Stages st = UNetDecoder.encoder(online.scope("encoder"), xq, enc);
        SDVariable q = SslOps.unitRows(sd, Mlp.build(online.scope("head"), st.pooled(), st.lastChannels(), cfg.head()));
        GraphContext dec = online.scope("decoder");
        SDVariable features = UNetDecoder.withSkips(dec, st, cfg.decoderChannels());
        SDVariable rec = sd.nn().sigmoid(dec.name("reconstruction"),
                UNetDecoder.head(dec, features, cfg.decoderChannels().get(4), 1));

        // The key encoder's BN runs per sub-batch, standing in for MoCo's per-GPU BN on a shuffled
        // batch; the loader's order is random, so contiguous sub-batches are random subsets.
        GraphContext keyCtx = ctx.scope("key").withBnGroups(cfg.keyBnGroups());
        ResNet.Features kf = ResNet.build(keyCtx.scope("encoder"), xk, enc);
        SDVariable kRaw = Mlp.build(keyCtx.scope("head"), kf.pooled(), kf.channels(), cfg.head());
        SDVariable k = SslOps.stopGradient(sd, SslOps.unitRows(sd, kRaw)).rename("key_embedding");

        MocoQueue queue = MocoQueue.create(ctx.scope("queue"), cfg.queueSize(), cfg.head().out());
        SDVariable nce = queue.infoNce(sd, "nce", q, k, cfg.temperature());
        SDVariable mse = SslOps.mse(sd, "mse", rec, y);
        copyQueryToKey(ctx);
        return new Parts(nce, mse, rec, y, k, queue);
    }

    /** MoCo starts the key encoder as a copy of the query encoder. */
    static void copyQueryToKey(GraphContext ctx) {
        SameDiff sd = ctx.sd();
        for (var v : sd.variables()) {
            String n = v.name();
            if (v.getVariableType() == VariableType.VARIABLE && n.startsWith(KEY) && !ctx.nonTrainable().contains(n)) {
                String src = ONLINE + n.substring(KEY.length());
                if (!sd.hasVariable(src)) {
                    throw new IllegalStateException("key variable " + n + " has no query counterpart " + src);
                }
                sd.getArrForVarName(n).assign(sd.getArrForVarName(src));
            }
        }
    }
}
