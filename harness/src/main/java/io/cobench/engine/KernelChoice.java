package io.cobench.engine;

import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;

/**
 * Which ops run on oneDNN and which on libnd4j's own kernels, where M2.1's oneDNN binding picks
 * a slow path (measured in docs/performance-notes.md, with the oneDNN ISA capped at AVX2):
 * <ul>
 *   <li>max pooling on plain NCHW arrays gets oneDNN's reference kernel: 36 ms forward for the
 *       ResNet-18 stem at 64 px, batch 64, against 6 ms in libnd4j;</li>
 *   <li>the backward of a convolution on maps of 2x2 or less computes its weight gradient through
 *       oneDNN's im2col + gemm fallback, 65 ms per layer-4 convolution, slower than libnd4j's.</li>
 * </ul>
 * The system property {@code cobench.kernels=onednn} sends every op to oneDNN, for comparison.
 */
final class KernelChoice {
    static final long SMALL_MAP = 2;
    private static final boolean ONEDNN_ONLY = "onednn".equals(System.getProperty("cobench.kernels", "tuned"));

    private KernelChoice() {
    }

    /** Whether the op may use oneDNN, given its name and (already set) input arrays. */
    static boolean oneDnn(DifferentialFunction op, OpContext oc) {
        if (ONEDNN_ONLY) {
            return true;
        }
        return switch (op.opName()) {
            case "maxpool2d", "maxpool2d_bp" -> false;
            // stride-1 layers on these maps do not reach conv2d_bp: ConvBackward computes them
            case "conv2d_bp" -> !smallNchwMap(op, oc.getInputArray(0));
            default -> true;
        };
    }

    private static boolean smallNchwMap(DifferentialFunction op, INDArray in) {
        long[] i = op instanceof DynamicCustomOp c ? c.iArgs() : new long[0];
        boolean nchw = i.length < 10 || i[9] == 0; // libnd4j conv2d: integer argument 9 is 1 for NHWC
        return nchw && in != null && in.rank() == 4 && in.size(2) <= SMALL_MAP && in.size(3) <= SMALL_MAP;
    }
}
