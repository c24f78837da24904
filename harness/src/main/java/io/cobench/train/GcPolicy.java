package io.cobench.train;

import org.bytedeco.javacpp.Pointer;

/**
 * When a training loop calls System.gc(). ND4J frees an array's off-heap memory only once its Java
 * wrapper is collected, so a loop that allocates must collect; but a full collection costs 30-40 ms,
 * more than a whole replayed step of the small CPU networks, which allocates nothing
 * ({@link io.cobench.engine.GraphPlan}). So a collection is due every {@code every} steps only if
 * resident memory has grown by {@link #GROWTH_BYTES} since the last one.
 */
public final class GcPolicy {
    /** Growth of resident memory that makes a collection worth its cost: -Dcobench.gc.growthMb (0: always). */
    static final long GROWTH_BYTES = Long.getLong("cobench.gc.growthMb", 32L) << 20;
    private final int every;
    private long afterLast = -1;

    /** @param every steps between chances to collect; 0 never collects */
    public GcPolicy(int every) {
        if (every < 0) {
            throw new IllegalArgumentException("gcEvery must be >= 0, got " + every);
        }
        this.every = every;
    }

    /** Called after step {@code step} (0-based); collects if one is due, and says whether it did. */
    public boolean afterStep(long step) {
        if (every == 0 || (step + 1) % every != 0) {
            return false;
        }
        if (afterLast >= 0 && Pointer.physicalBytes() - afterLast < GROWTH_BYTES) {
            return false;
        }
        System.gc();
        afterLast = Pointer.physicalBytes();
        return true;
    }
}
