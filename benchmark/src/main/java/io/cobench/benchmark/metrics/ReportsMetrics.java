package io.cobench.benchmark.metrics;

import io.cobench.reports.metrics.Auc;
import java.util.OptionalDouble;

/**
 * The metrics of the reports module ({@link Auc}), so that a cell stores exactly the number the
 * report recomputes from its predictions. Dice is counted here because the pooled Dice needs the
 * pixel counts, not only the per-image value; the threshold rule (strictly above) is the reports
 * module's.
 */
public final class ReportsMetrics implements Metrics {

    @Override
    public double auc(float[] scores, float[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + labels.length + " labels");
        }
        double[] s = new double[scores.length];
        boolean[] y = new boolean[labels.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = scores[i];
            y[i] = labels[i] > 0.5f;
        }
        OptionalDouble a = Auc.binary(s, y);
        return a.isPresent() ? a.getAsDouble() : Double.NaN;
    }

    @Override
    public DiceCounts dice(float[] prob, float[] mask, double threshold) {
        if (prob.length != mask.length) {
            throw new IllegalArgumentException(prob.length + " predicted pixels but " + mask.length + " mask pixels");
        }
        long inter = 0;
        long p = 0;
        long t = 0;
        for (int i = 0; i < prob.length; i++) {
            boolean pi = prob[i] > threshold;
            boolean ti = mask[i] > 0.5f;
            p += pi ? 1 : 0;
            t += ti ? 1 : 0;
            inter += pi && ti ? 1 : 0;
        }
        return new DiceCounts(inter, p, t);
    }
}
