package io.cobench.data.views;

/** Validation shared by the view configs, with messages that name the field. */
final class ViewChecks {
    private ViewChecks() {
    }

    static void probability(String field, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(field + " must be a probability in [0,1], got " + p);
        }
    }

    static void sigmas(double lo, double hi) {
        if (!(lo > 0 && hi >= lo)) {
            throw new IllegalArgumentException("views.sigmaMin must be > 0 and <= sigmaMax, got " + lo + ", " + hi);
        }
    }

    static void sameShape(int channels, int size, int askedChannels, int askedSize) {
        if (channels != askedChannels || size != askedSize) {
            throw new IllegalArgumentException("view transform built for " + channels + " channels at " + size
                    + " px was asked for " + askedChannels + " channels at " + askedSize + " px");
        }
    }
}
