package io.cobench.graph;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;

/**
 * The PatchGAN discriminator of DiRA: conv3x3 w/2, 2w/2 + IN, 4w/2 + IN, 8w/1 + IN, each followed
 * by LeakyReLU(0.2), then conv3x3 to one channel (a score per patch, input size / 8). The paper's
 * w is 64; a smaller w keeps CPU runs short.
 *
 * <p>The weights are created once and the network can be applied to several inputs. Instance
 * norm works per sample, so separate applications equal one batched application. An application
 * with {@code frozen} weights routes them through stop-gradient: the generator's adversarial term
 * then moves the generator only, never the discriminator.
 */
public final class PatchGan {
    public static final double LEAKY_SLOPE = 0.2;
    public static final double IN_EPS = 1e-5;
    /** DiRA initialises the discriminator's conv weights from N(0, 0.02). */
    public static final double INIT_STD = 0.02;

    private record Conv(SDVariable w, SDVariable b, int stride, boolean norm, boolean act) {
    }

    private final GraphContext ctx;
    private final List<Conv> convs;

    private PatchGan(GraphContext ctx, List<Conv> convs) {
        this.ctx = ctx;
        this.convs = convs;
    }

    /** Creates the discriminator's variables under {@code ctx}'s scope ({@code conv0/W} ... {@code conv4/b}). */
    public static PatchGan create(GraphContext ctx, int inChannels, int width) {
        if (inChannels < 1 || width < 1) {
            throw new IllegalArgumentException("PatchGAN needs inChannels >= 1 and width >= 1, got "
                    + inChannels + ", " + width);
        }
        int[] outs = {width, 2 * width, 4 * width, 8 * width, 1};
        int[] strides = {2, 2, 2, 1, 1};
        boolean[] norm = {false, true, true, true, false};
        List<Conv> convs = new ArrayList<>();
        int cin = inChannels;
        for (int i = 0; i < outs.length; i++) {
            String n = "conv" + i;
            SDVariable w = ctx.var(n + "/W", ctx.gaussian(INIT_STD, 3, 3, cin, outs[i]));
            SDVariable b = ctx.uniformFanIn(n + "/b", 9L * cin, outs[i]);
            convs.add(new Conv(w, b, strides[i], norm[i], i < outs.length - 1));
            cin = outs[i];
        }
        return new PatchGan(ctx, List.copyOf(convs));
    }

    /**
     * Scores {@code x} [N,in,H,W] into [N,1,H/8,W/8]. Op names are {@code <scope>/<name>/...}.
     *
     * @param frozen if true, gradients do not reach the discriminator's weights
     */
    public SDVariable apply(String name, SDVariable x, boolean frozen) {
        SameDiff sd = ctx.sd();
        GraphContext c = ctx.scope(name);
        SDVariable y = x;
        for (int i = 0; i < convs.size(); i++) {
            Conv cv = convs.get(i);
            SDVariable w = frozen ? new StopGradient(sd, cv.w()).outputVariable() : cv.w();
            SDVariable b = frozen ? new StopGradient(sd, cv.b()).outputVariable() : cv.b();
            Conv2DConfig cfg = Conv2DConfig.builder().kH(3).kW(3).sH(cv.stride()).sW(cv.stride()).pH(1).pW(1)
                    .paddingMode(PaddingMode.VALID).dataFormat("NCHW").build();
            boolean last = i == convs.size() - 1;
            y = sd.cnn().conv2d(last ? c.name("score") : c.name("conv" + i), y, w, b, cfg);
            if (cv.norm()) {
                y = instanceNorm(c, "in" + i, y);
            }
            if (cv.act()) {
                y = sd.nn().leakyRelu(c.name("lrelu" + i), y, LEAKY_SLOPE);
            }
        }
        return y;
    }

    /** Instance norm without affine parameters (PyTorch's InstanceNorm2d default), from primitive ops. */
    public static SDVariable instanceNorm(GraphContext ctx, String name, SDVariable x) {
        SameDiff sd = ctx.sd();
        SDVariable mean = x.mean(true, 2, 3);
        SDVariable xc = x.sub(mean);
        SDVariable var = xc.mul(xc).mean(true, 2, 3);
        return xc.mul(ctx.name(name), sd.math().rsqrt(var.add(IN_EPS)));
    }
}
