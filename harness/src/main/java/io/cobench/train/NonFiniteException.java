package io.cobench.train;

/**
 * A loss term, gradient or saved state became NaN or infinite, or diverged to absurd magnitudes;
 * the run stops and the last checkpoint stays intact.
 */
public final class NonFiniteException extends RuntimeException {
    private final long step;
    private final String term;

    public NonFiniteException(long step, String term, double value) {
        super("non-finite value " + value + " in " + term + " at step " + step
                + "; the run stopped, the last good checkpoint is unchanged");
        this.step = step;
        this.term = term;
    }

    /**
     * A check of the state after {@code step} steps (before a save, at an epoch's end) failed;
     * {@code detail} names the array and what is wrong.
     */
    public NonFiniteException(long step, String detail) {
        super("state check after " + step + " steps: " + detail);
        this.step = step;
        this.term = detail;
    }

    public long step() {
        return step;
    }

    public String term() {
        return term;
    }
}
