package io.cobench.benchmark.metrics;

import java.util.Arrays;

/** The benchmark's own metric code: rank-based AUC with midranks for ties, pixel-count Dice. */
public final class LocalMetrics implements Metrics {

    @Override
    public double auc(float[] scores, float[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + labels.length + " labels");
        }
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Float.compare(scores[a], scores[b]));
        double rankSumPos = 0;
        long pos = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double midrank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (labels[order[k]] > 0.5f) {
                    rankSumPos += midrank;
                    pos++;
                }
            }
            i = j + 1;
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
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
            if (pi) {
                p++;
            }
            if (ti) {
                t++;
            }
            if (pi && ti) {
                inter++;
            }
        }
        return new DiceCounts(inter, p, t);
    }
}
