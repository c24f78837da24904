package io.cobench.train;

/** A loss term or gradient became NaN or infinite; the run stops and the last checkpoint stays intact. */
public final class NonFiniteException extends RuntimeException {
    private final long step;
    private final String term;

    public NonFiniteException(long step, String term, double value) {
        super("non-finite value " + value + " in " + term + " at step " + step
                + "; the run stopped, the last good checkpoint is unchanged");
        this.step = step;
        this.term = term;
    }

    public long step() {
        return step;
    }

    public String term() {
        return term;
    }
}
