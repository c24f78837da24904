package io.cobench.data.phantom;

/**
 * L2-regularised logistic regression fitted by full-batch gradient descent on standardised
 * features: the smallest supervised model that shows whether labels are in the pixels.
 */
final class Logistic {
    private final double[] mean;
    private final double[] scale;
    private final double[] w;
    private double b;

    private Logistic(int d) {
        mean = new double[d];
        scale = new double[d];
        w = new double[d];
    }

    static Logistic fit(double[][] x, boolean[] y, double l2, int iterations, double rate) {
        int n = x.length;
        int d = x[0].length;
        Logistic m = new Logistic(d);
        for (int j = 0; j < d; j++) {
            double s = 0;
            double ss = 0;
            for (double[] row : x) {
                s += row[j];
                ss += row[j] * row[j];
            }
            m.mean[j] = s / n;
            m.scale[j] = 1 / Math.max(1e-6, Math.sqrt(ss / n - m.mean[j] * m.mean[j]));
        }
        double[][] z = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[i][j] = (x[i][j] - m.mean[j]) * m.scale[j];
            }
        }
        double[] g = new double[d];
        for (int it = 0; it < iterations; it++) {
            java.util.Arrays.fill(g, 0);
            double gb = 0;
            for (int i = 0; i < n; i++) {
                double e = sigmoid(dot(m.w, z[i]) + m.b) - (y[i] ? 1 : 0);
                for (int j = 0; j < d; j++) {
                    g[j] += e * z[i][j];
                }
                gb += e;
            }
            for (int j = 0; j < d; j++) {
                m.w[j] -= rate * (g[j] / n + l2 * m.w[j]);
            }
            m.b -= rate * gb / n;
        }
        return m;
    }

    /** The logit for a raw feature vector. */
    double score(double[] x) {
        double s = b;
        for (int j = 0; j < w.length; j++) {
            s += w[j] * (x[j] - mean[j]) * scale[j];
        }
        return s;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }
}
