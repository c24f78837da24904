package io.cobench.benchmark.model;

import java.util.SplittableRandom;

/**
 * Which rows form the batch of a step: consecutive epochs are independent seeded permutations of
 * the rows, read as one stream, so every batch is full and a given (seed, step) always gives the
 * same rows.
 */
public final class BatchOrder {
    private final int n;
    private final int batch;
    private final long seed;
    private int cachedEpoch = -1;
    private int[] cached;

    /** {@code batch} is capped at {@code n}. */
    public BatchOrder(int n, int batch, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("no rows to train on");
        }
        this.n = n;
        this.batch = Math.min(batch, n);
        this.seed = seed;
    }

    public int batchSize() {
        return batch;
    }

    /** The rows of zero-based {@code step}. */
    public int[] rows(int step) {
        int[] out = new int[batch];
        long start = (long) step * batch;
        for (int i = 0; i < batch; i++) {
            long pos = start + i;
            out[i] = permutation((int) (pos / n))[(int) (pos % n)];
        }
        return out;
    }

    private int[] permutation(int epoch) {
        if (epoch != cachedEpoch) {
            SplittableRandom r = new SplittableRandom(seed * 1_000_003L + epoch);
            int[] p = new int[n];
            for (int i = 0; i < n; i++) {
                p[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = p[i];
                p[i] = p[j];
                p[j] = t;
            }
            cached = p;
            cachedEpoch = epoch;
        }
        return cached;
    }
}
