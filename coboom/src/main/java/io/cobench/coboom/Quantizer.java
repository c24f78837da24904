package io.cobench.coboom;

import io.cobench.graph.SslOps;
import io.cobench.graph.GraphContext;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Vector quantization of a feature map against a K x D codebook (van den Oord et al. 2017):
 * every spatial position takes its nearest codeword, the lookup is a one-hot matrix times the
 * codebook (gather has no working backward in M2.1), and the straight-through estimator
 * y + sg(q - y) passes gradients to y as if quantization were the identity.
 */
public final class Quantizer {
    public static final String CODEBOOK = "codebook";
    public static final String EMA_COUNT = "ema_count";
    public static final String EMA_SUM = "ema_sum";
    /** Copy of the codebook as it started (after data initialisation, if any), for the drift metric. */
    public static final String START = "codebook_start";

    /**
     * The quantizer's graph outputs.
     *
     * @param quantized the straight-through map, [B,D,H,W]: forward value q, gradient into y
     * @param codebookLoss l_cb = (sg[y] - e)^2 summed over channels (or averaged, see the config), averaged over positions
     * @param commitmentLoss l_ce = mean (y - sg[e])^2 over all elements
     * @param perplexity exp of the entropy of the batch's code frequencies (K when uniform, 1 when collapsed)
     * @param usage fraction of the K codes chosen at least once in the batch
     * @param counts [K] how many positions chose each code
     * @param sums [K,D] sum of the (distance-space) features assigned to each code, for EMA updates
     * @param indices [B*H*W] chosen code per position
     * @param features [B*H*W, D] the features as quantized (no gradient), for data-dependent initialisation
     * @param drift ||E - E_start|| / ||E_start|| (Frobenius) before this step's update: how far the codebook
     *              has moved from where it started
     * @param spread mean ||y - mean(y)||^2 / mean ||y||^2 over the batch's positions: near 0 when the features
     *               themselves crowd into one point, so that few codes in use is then no fault of the codebook
     */
    public record Output(SDVariable quantized, SDVariable codebookLoss, SDVariable commitmentLoss,
                         SDVariable perplexity, SDVariable usage, SDVariable counts, SDVariable sums,
                         SDVariable indices, SDVariable features, SDVariable drift, SDVariable spread) {
    }

    private Quantizer() {
    }

    /**
     * Quantizes {@code map} [B,D,H,W]. The codebook is {@code <scope>/codebook}, uniform in
     * (-1/K, 1/K) as in the VQ-VAE reference code; under EMA updates it and its running counts
     * and sums are state that {@link EmaCodebook} updates after each step.
     */
    public static Output build(GraphContext ctx, SDVariable map, int dim, int height, int width, QuantizerConfig cfg) {
        SameDiff sd = ctx.sd();
        int k = cfg.size();
        DataType dt = Nd4j.defaultFloatingPointType();
        INDArray init = ctx.uniform(-1.0 / k, 1.0 / k, k, dim);
        SDVariable codebook;
        if (cfg.update() == QuantizerConfig.Update.EMA) {
            codebook = ctx.state(CODEBOOK, init);
            ctx.state(EMA_COUNT, Nd4j.valueArrayOf(new long[] {k}, cfg.emaInitCount(), dt));
            ctx.state(EMA_SUM, init.mul(cfg.emaInitCount()));
        } else {
            codebook = ctx.var(CODEBOOK, init);
        }
        SDVariable start = ctx.state(START, init.dup());
        SDVariable moved = codebook.sub(start);
        SDVariable drift = sd.math().sqrt(moved.mul(moved).sum())
                .div(ctx.name("drift"), sd.math().sqrt(start.mul(start).sum()));

        SDVariable y = Tokens.rows(map, dim);
        // Assignment is piecewise constant: nothing in the distance needs a gradient.
        SDVariable ysg = sd.identity(ctx.name("features"), SslOps.stopGradient(sd, y));
        SDVariable ys = ysg;
        SDVariable es = SslOps.stopGradient(sd, codebook);
        if (cfg.distance() == QuantizerConfig.Distance.COSINE) {
            ys = SslOps.RowNorm.RSQRT.apply(sd, ys);
            es = SslOps.RowNorm.RSQRT.apply(sd, es);
        }
        SDVariable dist = ys.mul(ys).sum(true, 1)
                .sub(sd.mmul(ys, es, false, true, false).mul(2.0))
                .add(es.mul(es).sum(1).reshape(1, k));
        SDVariable idx = sd.argmin(ctx.name("indices"), dist, false, 1);
        SDVariable onehot = sd.oneHot(ctx.name("onehot"), idx, k, -1, 1.0, 0.0, codebook.dataType());
        SDVariable q = onehot.mmul(codebook);

        SDVariable dq = ysg.sub(q);
        SDVariable lcb = cfg.codebookLoss() == QuantizerConfig.Reduction.SUM
                ? dq.mul(dq).sum(1).mean(ctx.name("l_cb"))
                : dq.mul(dq).mean(ctx.name("l_cb"));
        SDVariable qs = SslOps.stopGradient(sd, q);
        SDVariable dy = y.sub(qs);
        SDVariable lce = dy.mul(dy).mean(ctx.name("l_ce"));
        SDVariable ste = y.add(SslOps.stopGradient(sd, q.sub(y)));
        SDVariable quantized = sd.identity(ctx.name("quantized"), Tokens.map(ste, dim, height, width));

        SDVariable centred = ysg.sub(ysg.mean(true, 0));
        SDVariable spread = centred.mul(centred).sum(1).mean()
                .div(ctx.name("spread"), ysg.mul(ysg).sum(1).mean().add(1e-12));

        SDVariable freq = onehot.mean(0);
        SDVariable entropy = freq.mul(sd.math().log(freq.add(1e-10))).sum().neg();
        SDVariable perplexity = sd.math().exp(ctx.name("perplexity"), entropy);
        SDVariable usage = freq.gt(0.0).castTo(codebook.dataType()).mean(ctx.name("usage"));
        SDVariable counts = onehot.sum(ctx.name("counts"), 0);
        SDVariable sums = sd.mmul(ctx.name("sums"), onehot, ys, true, false, false);
        return new Output(quantized, lcb, lce, perplexity, usage, counts, sums, idx, ysg, drift, spread);
    }
}
