package io.cobench.engine;

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

    /** Sets the calling thread's OpenMP thread count for this op, changing it only when needed. */
    static void forOp(OpContext oc) {
        if (SMALL_OP <= 0 || ALL <= 1 || oc == null) {
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
