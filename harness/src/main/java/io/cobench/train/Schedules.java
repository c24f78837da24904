package io.cobench.train;

/** Learning-rate and EMA-momentum schedules, as pure functions of the step. */
public final class Schedules {
    private Schedules() {
    }

    /**
     * Linear warmup from peak/warmup to peak over {@code warmup} steps, then cosine decay to
     * {@code floor} at the last step ({@code total - 1}). No restarts.
     */
    public static double warmupCosine(long step, long total, long warmup, double peak, double floor) {
        if (warmup > 0 && step < warmup) {
            return peak * (step + 1) / warmup;
        }
        long span = Math.max(1, total - 1 - warmup);
        double progress = Math.min(1.0, (double) (step - warmup) / span);
        return floor + (peak - floor) * 0.5 * (1 + Math.cos(Math.PI * progress));
    }

    /** BYOL's target momentum tau_k = 1 - (1 - tau0)(cos(pi k / K) + 1)/2: tau0 at k=0, 1 at k=K. */
    public static double emaMomentum(long step, long total, double tau0) {
        return 1 - (1 - tau0) * (Math.cos(Math.PI * step / Math.max(1, total)) + 1) / 2;
    }
}
