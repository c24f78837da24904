package io.cobench.engine;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The backward pass of a 2-D convolution ({@code conv2d_bp}) computed with forward kernels.
 *
 * <p>Why: in M2.1, oneDNN's backward-weights kernel for convolutions with few channels costs far
 * more than the forward kernel with the same arithmetic (in a width-8 ResNet-18 step, 1-6 ms for
 * an 8-to-8 channel 3x3 layer on 8x8 maps at batch 64, against 0.1 ms forward; DNNL_VERBOSE trace
 * in docs/performance-notes.md). The weight gradient is itself a convolution: with batch and
 * channel axes swapped, the input [iC, N, H, W] convolved with the output gradient as the kernel
 * [oH, oW, N, oC], the layer's stride becoming the dilation, gives [iC, oC, kH', kW'], of which the
 * first kH x kW positions are dW (kH' exceeds kH where the stride dropped rows at the border). The
 * input gradient is the transposed convolution ({@code deconv2d}) of the output gradient with the
 * layer's own weights; see {@link #inputGradient} for stride 2.
 *
 * <p>{@link #composes} is the rule that picks this route per call from the actual shapes; the
 * session ({@link RecyclingSession}) applies it, so one graph takes the route per layer. The
 * system property {@code cobench.convbp} overrides it: {@code native} always runs
 * {@code conv2d_bp}, {@code composed} always this route where it applies.
 */
public final class ConvBackward {
    /** How {@code conv2d_bp} runs. */
    public enum Route { AUTO, NATIVE, COMPOSED }

    private static volatile Route route = routeFromProperty(System.getProperty("cobench.convbp", "auto"));

    private ConvBackward() {
    }

    private static Route routeFromProperty(String v) {
        try {
            return Route.valueOf(v.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("system property cobench.convbp: expected auto, native or composed, got '"
                    + v + "'");
        }
    }

    /** The route in force (the system property, or what a test set). */
    public static Route route() {
        return route;
    }

    /** Sets the route for this process (tests and the A/B probe compare them). */
    public static void route(Route r) {
        route = r;
    }

    /**
     * Whether this route can compute the op: NCHW, weights in [kH, kW, iC, oC], no bias, no
     * dilation, explicit padding. Everything else stays with {@code conv2d_bp}.
     */
    static boolean applies(long[] i, int inputs, int outputs) {
        if (i.length < 10 || inputs != 3 || outputs != 2) {
            return false;
        }
        boolean wFormat0 = i.length < 11 || i[10] == 0;
        return i[6] == 1 && i[7] == 1 && i[8] == 0 && i[9] == 0 && wFormat0;
    }

    /**
     * Whether a call with these arrays takes this route: always under {@link Route#COMPOSED} where
     * it applies, never under {@link Route#NATIVE}, and under {@link Route#AUTO} by {@link #faster}.
     */
    static boolean composes(DynamicCustomOp op, OpContext oc) {
        Route r = route;
        if (r == Route.NATIVE) {
            return false;
        }
        long[] i = op.iArgs();
        INDArray x = oc.getInputArray(0);
        INDArray dy = oc.getInputArray(2);
        if (!applies(i, oc.numInputArguments(), oc.numOutputArguments()) || x == null || dy == null || x.rank() != 4) {
            return false;
        }
        return r == Route.COMPOSED || faster(x.shape(), dy.shape(), i);
    }

    /**
     * The measured rule for {@link Route#AUTO}: stride 1 on maps of 2x2 or less. There the native
     * op runs on libnd4j's kernel ({@link KernelChoice}: oneDNN's weight gradient falls back to
     * im2col + gemm), and the composed route took 25-40% of its time in every network measured
     * (512 channels at batch 64: 55 against 130 ms per layer). At stride 2 the weight gradient's
     * convolution is dilated, which oneDNN 2.3 refuses, and libnd4j's kernel for it loses
     * everywhere; on 4x4 maps and larger the two were within 20% of each other either way, and on
     * 8x8 and larger the native op won with 64 channels or more (ConvProbe tables in
     * docs/performance-notes.md).
     */
    static boolean faster(long[] xShape, long[] dyShape, long[] iArgs) {
        return iArgs[2] == 1 && iArgs[3] == 1 && xShape[2] <= KernelChoice.SMALL_MAP && xShape[3] <= KernelChoice.SMALL_MAP;
    }

    private static final java.util.concurrent.atomic.AtomicLong CALLS = new java.util.concurrent.atomic.AtomicLong();

    /** How many backward passes this route has computed in this process (tests check that it ran). */
    public static long calls() {
        return CALLS.get();
    }

    /**
     * Computes {@code conv2d_bp}'s outputs into {@code gradI} and {@code gradW}.
     *
     * @param i conv2d's integer arguments: kH, kW, sH, sW, pH, pW, dH, dW, padding mode, data format
     */
    public static void run(INDArray x, INDArray w, INDArray dy, long[] i, INDArray gradI, INDArray gradW,
                           boolean oneDnn) {
        CALLS.incrementAndGet();
        int kH = (int) i[0];
        int kW = (int) i[1];
        int sH = (int) i[2];
        int sW = (int) i[3];
        int pH = (int) i[4];
        int pW = (int) i[5];
        inputGradient(w, dy, kH, kW, sH, sW, pH, pW, gradI, oneDnn);
        // x as [iC, N, H, W] and dy as a kernel [oH, oW, N, oC]: views, which the convolution reads by strides
        INDArray xt = x.permute(1, 0, 2, 3);
        INDArray kernel = dy.permute(2, 3, 0, 1);
        int oH = (int) dy.size(2);
        int oW = (int) dy.size(3);
        long outH = x.size(2) + 2 * pH - sH * (oH - 1);
        long outW = x.size(3) + 2 * pW - sW * (oW - 1);
        INDArray full = Nd4j.createUninitialized(x.dataType(), x.size(1), dy.size(1), outH, outW);
        DynamicCustomOp dw = DynamicCustomOp.builder("conv2d")
                .addInputs(xt, kernel)
                .addOutputs(full)
                .addIntegerArguments(oH, oW, 1, 1, pH, pW, sH, sW, 0, 0)
                .build();
        // oneDNN 2.3 in M2.1 refuses the descriptor of a dilated forward convolution
        exec(dw, oneDnn && sH == 1 && sW == 1);
        INDArray crop = outH == kH && outW == kW ? full
                : full.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, kH), NDArrayIndex.interval(0, kW));
        gradW.assign(crop.permute(2, 3, 0, 1));
        full.close();
    }

    /**
     * dx as the transposed convolution of dy with the layer's weights ([kH, kW, iC, oC] is
     * deconv2d's [kH, kW, out, in]). At stride 1 its output is the input's size; at stride 2 the
     * convolution's floor may have dropped rows, so the transposed convolution runs unpadded and
     * the input's window is cut from it, rows it does not reach (never read by the convolution)
     * being zero.
     */
    private static void inputGradient(INDArray w, INDArray dy, int kH, int kW, int sH, int sW, int pH, int pW,
                                      INDArray gradI, boolean oneDnn) {
        long h = gradI.size(2);
        long wd = gradI.size(3);
        long oH = dy.size(2);
        long oW = dy.size(3);
        if (sH * (oH - 1) + kH - 2L * pH == h && sW * (oW - 1) + kW - 2L * pW == wd) {
            exec(DynamicCustomOp.builder("deconv2d").addInputs(dy, w).addOutputs(gradI)
                    .addIntegerArguments(kH, kW, sH, sW, pH, pW, 1, 1, 0, 0, 0).build(), oneDnn);
            return;
        }
        long fullH = sH * (oH - 1) + kH;
        long fullW = sW * (oW - 1) + kW;
        INDArray full = Nd4j.createUninitialized(gradI.dataType(), gradI.size(0), gradI.size(1), fullH, fullW);
        exec(DynamicCustomOp.builder("deconv2d").addInputs(dy, w).addOutputs(full)
                .addIntegerArguments(kH, kW, sH, sW, 0, 0, 1, 1, 0, 0, 0).build(), oneDnn);
        long rows = Math.min(h, fullH - pH);
        long cols = Math.min(wd, fullW - pW);
        INDArray window = full.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(pH, pH + rows),
                NDArrayIndex.interval(pW, pW + cols));
        if (rows == h && cols == wd) {
            gradI.assign(window);
        } else {
            gradI.assign(0);
            gradI.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, rows),
                    NDArrayIndex.interval(0, cols)).assign(window);
        }
        full.close();
    }

    /**
     * libnd4j's own {@code conv2d_bp} on the given arrays ({@code iArgs} as the layer's), with or
     * without the oneDNN helper: the reference the composed route is timed and tested against.
     */
    public static void nativeBackward(INDArray x, INDArray w, INDArray dy, long[] iArgs, INDArray gradI,
                                      INDArray gradW, boolean oneDnn) {
        exec(DynamicCustomOp.builder("conv2d_bp").addInputs(x, w, dy).addOutputs(gradI, gradW)
                .addIntegerArguments(java.util.Arrays.stream(iArgs).mapToInt(v -> (int) v).toArray()).build(), oneDnn);
    }

    private static void exec(DynamicCustomOp op, boolean oneDnn) {
        try (OpContext oc = Nd4j.getExecutioner().buildContext()) {
            oc.setInputArrays(op.inputArguments());
            oc.setOutputArrays(op.outputArguments());
            oc.setIArguments(op.iArgs());
            oc.allowHelpers(oneDnn);
            Nd4j.exec(op, oc);
        } catch (Exception e) {
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e);
        }
    }
}
