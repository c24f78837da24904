package io.cobench.graph;

import org.nd4j.autodiff.samediff.SDVariable;

/** MLP heads ([N,in] to [N,out]) for projectors, predictors and expanders. */
public final class Mlp {
    private Mlp() {
    }

    public static SDVariable build(GraphContext ctx, SDVariable x, int in, MlpConfig cfg) {
        int width = in;
        for (int i = 0; i < cfg.depth(); i++) {
            boolean last = i == cfg.depth() - 1;
            int out = last ? cfg.out() : cfg.hidden();
            // A bias before BN is wasted; keep it only where no BN follows.
            boolean bnHere = last ? cfg.lastBn() : cfg.bn();
            x = Layers.linear(ctx, "fc" + i, x, width, out, !bnHere);
            if (bnHere) {
                x = Layers.batchNorm1d(ctx, "bn" + i, x, out);
            }
            if (!last) {
                x = Layers.relu(ctx, "relu" + i, x);
            }
            width = out;
        }
        return x;
    }
}
