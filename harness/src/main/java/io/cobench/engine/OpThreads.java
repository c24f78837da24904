package io.cobench.engine;

import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * How many OpenMP threads an op of the training graph runs on. On the small networks of the CPU
 * runs most ops take tens of microseconds, and waking a second OpenMP worker for each parallel
 * region costs more than it saves (docs/performance-notes.md); large ops still gain from both cores.
 * The count is the calling thread's OpenMP setting, which oneDNN and libnd4j's loops read per call.
 */
final class OpThreads {
    /**
     * Ops whose largest array has fewer elements than this run on one thread; 0 runs every op on all
     * cores. 300,000 floats (1.2 MB): the width 8 step is 1.6x and the width 16 step 1.2x faster
     * than on all cores, the width 64 one unchanged (docs/performance-notes.md).
     */
    static final long SMALL_OP = Long.getLong("cobench.threads.small", 300_000L);
    /** The OpenMP thread count ND4J started with (OMP_NUM_THREADS, else the cores). */
    private static final int ALL = ompMax();
    /** The count this thread last set; the OpenMP setting is per thread, so this is too. */
    private static final ThreadLocal<int[]> CURRENT = ThreadLocal.withInitial(() -> new int[] {-1});

    private OpThreads() {
    }

    /**
     * Convolutions and matrix products with fewer multiply-adds than this run on one thread. Their
     * arrays understate their work: a layer-4 convolution of a width-64 network at 64 px has an
     * output of 131k floats but 600M multiply-adds, and on one thread it cost the width-64 step
     * 10 % (docs/performance-notes.md). 50M: every convolution of the width-8 network (at most
     * 13M) stays on one thread; those of width 64 from layer 3 on (300M and more) get all cores.
     * 0 judges them by their largest array, as every other op.
     */
    static final long SMALL_WORK = Long.getLong("cobench.threads.smallWork", 50_000_000L);

    /** Sets the calling thread's OpenMP thread count for this op, changing it only when needed. */
    static void forOp(DifferentialFunction op, OpContext oc) {
        if (SMALL_OP <= 0 || ALL <= 1 || oc == null) {
            return;
        }
        long work = op == null || SMALL_WORK <= 0 ? -1 : multiplyAdds(op.opName(), oc);
        if (work >= 0) {
            set(work < SMALL_WORK ? 1 : ALL);
            return;
        }
        long largest = 0;
        for (INDArray a : oc.getInputArrays()) {
            if (a != null) {
                largest = Math.max(largest, a.length());
            }
        }
        for (INDArray a : oc.getOutputArrays()) {
            if (a != null) {
                largest = Math.max(largest, a.length());
            }
        }
        set(largest < SMALL_OP ? 1 : ALL);
    }

    /**
     * The multiply-adds of a convolution or matrix product from its arrays; -1 for other ops (and
     * where the arrays are not there), which are judged by their largest array.
     */
    static long multiplyAdds(String name, OpContext oc) {
        INDArray x = oc.numInputArguments() > 1 ? oc.getInputArray(0) : null;
        INDArray w = oc.numInputArguments() > 1 ? oc.getInputArray(1) : null;
        if (x == null || w == null) {
            return -1;
        }
        switch (name) {
            case "conv2d", "deconv2d": {
                // weights [kH, kW, in, out] (deconv2d: [kH, kW, out, in]): one output element costs
                // kH kW in; a transposed convolution's input element costs kH kW out
                INDArray y = oc.numOutputArguments() > 0 ? oc.getOutputArray(0) : null;
                INDArray per = "conv2d".equals(name) ? y : x;
                return per == null || w.rank() != 4 ? -1 : per.length() * (w.length() / w.size(3));
            }
            case "conv2d_bp": {
                // the input and the weight gradients each cost a forward pass
                INDArray dy = oc.numInputArguments() > 2 ? oc.getInputArray(2) : null;
                return dy == null || w.rank() != 4 ? -1 : 2 * dy.length() * (w.length() / w.size(3));
            }
            case "matmul", "mmul": {
                INDArray y = oc.numOutputArguments() > 0 ? oc.getOutputArray(0) : null;
                return y == null ? -1 : (long) Math.sqrt((double) x.length() * w.length() * y.length());
            }
            default:
                return -1;
        }
    }

    /** Every core again, for what runs outside the graph (optimiser updates, data). */
    static void reset() {
        if (CURRENT.get()[0] != -1) {
            set(ALL);
        }
    }

    /** The calling thread's OpenMP thread count now (for tests). */
    static int current() {
        return ompMax();
    }

    private static void set(int n) {
        int[] cur = CURRENT.get();
        if (cur[0] != n) {
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(n);
            cur[0] = n;
        }
    }

    private static int ompMax() {
        org.nd4j.linalg.factory.Nd4j.getBackend(); // the native library loads with the backend
        return NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
    }
}
