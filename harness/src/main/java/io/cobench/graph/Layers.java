package io.cobench.graph;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.DeConv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The layers every method is built from, restricted to ops whose backward pass works in
 * SameDiff 1.0.0-M2.1 (each has a gradient check in the tests). Tensors are NCHW.
 */
public final class Layers {
    /** PyTorch's defaults, so running statistics mean the same as in the reference code. */
    public static final double BN_EPS = 1e-5;
    public static final double BN_MOMENTUM = 0.1;

    private Layers() {
    }

    /** Convolution without bias (a BN follows), He-normal weights named {@code <name>/W} in [k,k,in,out]
     * (SameDiff's default layout; the OIYX option is lost when the backward graph is built). */
    public static SDVariable conv2d(GraphContext ctx, String name, SDVariable x, int cin, int cout, int k,
                                    int stride, int pad) {
        SDVariable w = ctx.heNormal(name + "/W", (long) cin * k * k, k, k, cin, cout);
        Conv2DConfig cfg = Conv2DConfig.builder().kH(k).kW(k).sH(stride).sW(stride).pH(pad).pW(pad)
                .paddingMode(org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode.VALID).dataFormat("NCHW").build();
        return ctx.sd().cnn().conv2d(ctx.name(name), x, w, cfg);
    }

    /** Convolution with a bias, for heads that have no BN after them. */
    public static SDVariable conv2dBias(GraphContext ctx, String name, SDVariable x, int cin, int cout, int k,
                                        int stride, int pad) {
        SDVariable w = ctx.heNormal(name + "/W", (long) cin * k * k, k, k, cin, cout);
        SDVariable b = ctx.zeros(name + "/b", cout);
        Conv2DConfig cfg = Conv2DConfig.builder().kH(k).kW(k).sH(stride).sW(stride).pH(pad).pW(pad)
                .paddingMode(org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode.VALID).dataFormat("NCHW").build();
        return ctx.sd().cnn().conv2d(ctx.name(name), x, w, b, cfg);
    }

    /** Transposed convolution with stride 2 that doubles H and W (k=2, s=2), with bias. */
    public static SDVariable deconv2x(GraphContext ctx, String name, SDVariable x, int cin, int cout) {
        SDVariable w = ctx.heNormal(name + "/W", (long) cin * 4, 2, 2, cout, cin);
        SDVariable b = ctx.zeros(name + "/b", cout);
        DeConv2DConfig cfg = DeConv2DConfig.builder().kH(2).kW(2).sH(2).sW(2).pH(0).pW(0)
                .isSameMode(false).dataFormat("NCHW").build();
        return ctx.sd().cnn().deconv2d(ctx.name(name), x, w, b, cfg);
    }

    /** Nearest-neighbour x2 upsampling (the NCHW form whose backward works in M2.1). */
    public static SDVariable upsample2x(GraphContext ctx, String name, SDVariable x) {
        return ctx.sd().cnn().upsampling2d(ctx.name(name), x, 2, 2, true);
    }

    public static SDVariable maxPool(GraphContext ctx, String name, SDVariable x, int k, int stride, int pad) {
        Pooling2DConfig cfg = Pooling2DConfig.builder().kH(k).kW(k).sH(stride).sW(stride).pH(pad).pW(pad)
                .paddingMode(org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode.VALID).isNHWC(false).build();
        return ctx.sd().cnn().maxPooling2d(ctx.name(name), x, cfg);
    }

    /** Global average pooling: [N,C,H,W] to [N,C]. */
    public static SDVariable gap(GraphContext ctx, String name, SDVariable x) {
        return x.mean(ctx.name(name), 2, 3);
    }

    /** Dense layer as mmul + add ({@code sd.nn().linear} does not train in M2.1). */
    public static SDVariable linear(GraphContext ctx, String name, SDVariable x, int in, int out, boolean bias) {
        SDVariable w = ctx.uniformFanIn(name + "/W", in, in, out);
        SDVariable y = x.mmul(w);
        if (!bias) {
            return ctx.sd().identity(ctx.name(name), y);
        }
        SDVariable b = ctx.uniformFanIn(name + "/b", in, 1, out);
        return y.add(ctx.name(name), b);
    }

    public static SDVariable relu(GraphContext ctx, String name, SDVariable x) {
        SDVariable y = new Relu(ctx.sd(), x).outputVariable();
        return ctx.sd().updateVariableNameAndReference(y, ctx.name(name));
    }

    /**
     * Batch norm over the channels of NCHW input, by the route {@link #bnImpl()} names. Train mode
     * normalises with batch statistics and exposes them for the running averages; eval mode uses
     * the running statistics.
     */
    public static SDVariable batchNorm2d(GraphContext ctx, String name, SDVariable x, int channels) {
        return batchNorm(ctx, name, x, channels, new int[] {0, 2, 3}, new long[] {1, channels, 1, 1});
    }

    /** Batch norm over the features of [N,F] input. */
    public static SDVariable batchNorm1d(GraphContext ctx, String name, SDVariable x, int features) {
        return batchNorm(ctx, name, x, features, new int[] {0}, new long[] {1, features});
    }

    /** How batch norm is built; see {@link #bnImpl()}. */
    public enum BnImpl { PRIMITIVE, FUSED }

    private static volatile BnImpl bnImpl = bnFromProperty(System.getProperty("cobench.bn", "fused"));

    private static BnImpl bnFromProperty(String v) {
        try {
            return BnImpl.valueOf(v.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("system property cobench.bn: expected fused or primitive, got '" + v + "'");
        }
    }

    /**
     * FUSED (the default) uses libnd4j's batchnorm/batchnorm_bp through {@link FusedBatchNorm},
     * which oneDNN runs in one pass each way; PRIMITIVE builds it from mean, sub, mul and rsqrt.
     * Both give the same values and gradients (BlocksGradientTest, FusedBatchNormTest); the system property
     * {@code cobench.bn} picks one for a whole run.
     */
    public static BnImpl bnImpl() {
        return bnImpl;
    }

    /** Sets the route for graphs built from now on (tests compare the two). */
    public static void bnImpl(BnImpl impl) {
        bnImpl = impl;
    }

    private static SDVariable batchNorm(GraphContext ctx, String name, SDVariable x, int c, int[] axes,
                                        long[] bshape) {
        SameDiff sd = ctx.sd();
        SDVariable gamma = ctx.ones(name + "/gamma", c);
        SDVariable beta = ctx.zeros(name + "/beta", c);
        SDVariable rMean = ctx.state(name + "/running_mean", Nd4j.zeros(Nd4j.defaultFloatingPointType(), c));
        SDVariable rVar = ctx.state(name + "/running_var", Nd4j.ones(Nd4j.defaultFloatingPointType(), c));
        if (ctx.training() && ctx.bnGroups() > 1) {
            return grouped(ctx, name, x, c, axes.length + 1, gamma, beta, rMean, rVar);
        }
        if (bnImpl == BnImpl.FUSED) {
            return fused(ctx, name, x, c, axes, gamma, beta, rMean, rVar);
        }
        SDVariable g = gamma.reshape(bshape);
        SDVariable b = beta.reshape(bshape);
        if (ctx.training()) {
            SDVariable mean = x.mean(name(ctx, name, "mean_k"), true, axes);
            SDVariable xc = x.sub(mean);
            SDVariable var = xc.mul(xc).mean(name(ctx, name, "var_k"), true, axes);
            SDVariable y = xc.mul(sd.math().rsqrt(var.add(BN_EPS))).mul(g).add(ctx.name(name), b);
            // Running statistics are updated outside the graph; no gradient may flow through them.
            SDVariable bm = new StopGradient(sd, mean.reshape(c)).outputVariable().rename(name(ctx, name, "batch_mean"));
            SDVariable bv = new StopGradient(sd, var.reshape(c)).outputVariable().rename(name(ctx, name, "batch_var"));
            ctx.registerBn(new GraphContext.BnLayer(rMean.name(), rVar.name(), bm, bv, BN_MOMENTUM));
            return y;
        }
        SDVariable m = rMean.reshape(bshape);
        SDVariable v = rVar.reshape(bshape);
        return x.sub(m).mul(sd.math().rsqrt(v.add(BN_EPS))).mul(g).add(ctx.name(name), b);
    }

    /**
     * Training-mode batch norm with statistics per contiguous sub-batch ({@link GraphContext#withBnGroups}).
     * Channels go last so that one reshape to [G, N/G * spatial, C] puts each sub-batch's values
     * of a channel along axis 1; built from primitive ops, whose gradients pass GradCheckUtil
     * (GroupedBatchNormTest). The running statistics take the mean of the groups' statistics.
     */
    private static SDVariable grouped(GraphContext ctx, String name, SDVariable x, int c, int rank,
                                      SDVariable gamma, SDVariable beta, SDVariable rMean, SDVariable rVar) {
        SameDiff sd = ctx.sd();
        int g = ctx.bnGroups();
        SDVariable last = rank == 4 ? x.permute(0, 2, 3, 1) : x;
        SDVariable xg = last.reshape(g, -1, c);
        SDVariable mean = xg.mean(true, 1);
        SDVariable xc = xg.sub(mean);
        SDVariable var = xc.mul(xc).mean(true, 1);
        SDVariable yg = xc.mul(sd.math().rsqrt(var.add(BN_EPS))).mul(gamma).add(beta);
        SDVariable y = yg.reshape(sd.shape(last));
        if (rank == 4) {
            y = y.permute(0, 3, 1, 2);
        }
        SDVariable bm = new StopGradient(sd, mean.mean(0, 1)).outputVariable().rename(name(ctx, name, "batch_mean"));
        SDVariable bv = new StopGradient(sd, var.mean(0, 1)).outputVariable().rename(name(ctx, name, "batch_var"));
        ctx.registerBn(new GraphContext.BnLayer(rMean.name(), rVar.name(), bm, bv, BN_MOMENTUM));
        return sd.identity(ctx.name(name), y);
    }

    private static SDVariable fused(GraphContext ctx, String name, SDVariable x, int c, int[] axes,
                                    SDVariable gamma, SDVariable beta, SDVariable rMean, SDVariable rVar) {
        SameDiff sd = ctx.sd();
        SDVariable mean;
        SDVariable var;
        if (ctx.training()) {
            // batchnorm_bp already differentiates through the batch statistics, so they are taken
            // from a gradient-stopped copy of x: no second path, and SameDiff never runs the
            // statistics' own backward ops, only a zero fill for the stopped branch. The moments
            // op keeps its axes in integer arguments, which survive the graph clone (the variance
            // op's bias-correction flag does not, so it would come back bias-corrected).
            SDVariable stopped = new StopGradient(sd, x).outputVariable();
            SDVariable[] mv = new org.nd4j.linalg.api.ops.impl.reduce.Moments(sd, stopped, axes, false)
                    .outputVariables();
            mean = mv[0].rename(name(ctx, name, "batch_mean"));
            var = mv[1].rename(name(ctx, name, "batch_var"));
            ctx.registerBn(new GraphContext.BnLayer(rMean.name(), rVar.name(), mean, var, BN_MOMENTUM));
        } else {
            mean = rMean;
            var = rVar;
        }
        return new FusedBatchNorm(sd, x, mean, var, gamma, beta, BN_EPS, 1, axes.length + 1).outputVariable()
                .rename(ctx.name(name));
    }

    private static String name(GraphContext ctx, String layer, String what) {
        return ctx.name(layer + "/" + what);
    }
}
