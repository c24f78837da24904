package io.cobench.coboom;

import io.cobench.graph.GraphContext;
import io.cobench.graph.Layers;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * DiversiFuse: multi-head cross-attention in which the quantized map asks (queries) and the
 * continuous map answers (keys and values), over the H*W positions of one image. Heads of width
 * C/h attend with scale 1/sqrt(C/h), are concatenated and pass an output projection, as in the
 * official MultiHeadCrossAttention, but on tokens laid out (B, HW, C).
 *
 * <p>Built from mmul and a last-axis softmax, both of which have working backward passes in M2.1.
 */
public final class DiversiFuse {
    private DiversiFuse() {
    }

    /**
     * @param queries the quantized map [B,C,H,W]
     * @param context the continuous map [B,C,H,W]
     * @return the fused map [B,C,H,W]
     */
    public static SDVariable build(GraphContext ctx, SDVariable queries, SDVariable context, int channels,
                                   int height, int width, int heads) {
        if (heads < 1 || channels % heads != 0) {
            throw new IllegalArgumentException("DiversiFuse: " + heads + " heads do not divide " + channels + " channels");
        }
        SameDiff sd = ctx.sd();
        int hw = height * width;
        int dh = channels / heads;
        SDVariable qIn = Tokens.rows(queries, channels);
        SDVariable kvIn = Tokens.rows(context, channels);
        SDVariable q = split(Layers.linear(ctx, "q", qIn, channels, channels, true), hw, heads, dh);
        SDVariable k = split(Layers.linear(ctx, "k", kvIn, channels, channels, true), hw, heads, dh);
        SDVariable v = split(Layers.linear(ctx, "v", kvIn, channels, channels, true), hw, heads, dh);
        SDVariable scores = sd.mmul(q, k, false, true, false).mul(1.0 / Math.sqrt(dh));
        SDVariable attention = sd.nn().softmax(ctx.name("attention"), scores);
        SDVariable attended = sd.mmul(attention, v);
        SDVariable merged = attended.reshape(-1, heads, hw, dh).permute(0, 2, 1, 3).reshape(-1, channels);
        SDVariable out = Layers.linear(ctx, "out", merged, channels, channels, true);
        return sd.identity(ctx.name("fused"), Tokens.map(out, channels, height, width));
    }

    /** [B*HW, C] rows to [B*heads, HW, C/heads], one matrix per image and head. */
    private static SDVariable split(SDVariable rows, int hw, int heads, int dh) {
        return rows.reshape(-1, hw, heads, dh).permute(0, 2, 1, 3).reshape(-1, hw, dh);
    }
}
