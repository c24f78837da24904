package io.cobench.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Remaining time of a run made of pieces of known kinds and estimated costs, learnt from the
 * pieces that finished. A cost model is right about pieces of one kind relative to each other
 * (a 10% probe against a 1% probe) but can be far off between kinds (a pretraining against a
 * probe) and knows nothing of the machine, so each kind gets its own seconds per unit of cost:
 * the median over its finished pieces, which a first piece that also built a cache does not
 * drag. A kind with nothing finished yet borrows the pooled rate of all finished pieces.
 * Pieces finished by an earlier run are neither planned nor timed.
 */
public final class Eta {
    private final int parallel;
    private final Map<String, Double> remaining = new HashMap<>();
    private final Map<String, List<Double>> rates = new HashMap<>();
    private double seconds;
    private double cost;

    /** @param parallel pieces that run at the same time (grid workers); the sum of their times is divided by it */
    public Eta(int parallel) {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be >= 1, got " + parallel);
        }
        this.parallel = parallel;
    }

    /** A piece still to run. */
    public synchronized void plan(String kind, double estimatedCost) {
        remaining.merge(kind, estimatedCost, Double::sum);
    }

    /** A planned piece finished after {@code secs} seconds of its own. */
    public synchronized void finished(String kind, double estimatedCost, double secs) {
        remaining.merge(kind, -estimatedCost, Double::sum);
        if (estimatedCost > 0) {
            rates.computeIfAbsent(kind, k -> new ArrayList<>()).add(secs / estimatedCost);
            seconds += secs;
            cost += estimatedCost;
        }
    }

    /** Seconds left, or empty before the first piece finished. */
    public synchronized OptionalDouble remainingSeconds() {
        if (cost <= 0) {
            return OptionalDouble.empty();
        }
        double pooled = seconds / cost;
        double left = 0;
        for (Map.Entry<String, Double> e : remaining.entrySet()) {
            List<Double> r = rates.get(e.getKey());
            left += Math.max(0, e.getValue()) * (r == null ? pooled : median(r));
        }
        return OptionalDouble.of(left / parallel);
    }

    private static double median(List<Double> xs) {
        double[] s = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** The one format of durations in progress output, as the progress bar shows its elapsed time: H:MM:SS. */
    public static String format(double secs) {
        long s = Math.max(0, Math.round(secs));
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
