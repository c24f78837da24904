package io.cobench.reports.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.reports.io.LabelledScores;
import io.cobench.reports.metrics.Auc;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AucBootstrapTest {

    @Test
    void weightedAucEqualsRankAucOfTheExpandedSample() {
        Random rnd = new Random(7);
        int n = 60;
        double[] s = new double[n];
        boolean[] y = new boolean[n];
        int[] w = new int[n];
        List<Double> es = new ArrayList<>();
        List<Boolean> ey = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            s[i] = rnd.nextInt(12) / 10.0; // many ties
            y[i] = rnd.nextBoolean();
            w[i] = rnd.nextInt(3);
            for (int k = 0; k < w[i]; k++) {
                es.add(s[i]);
                ey.add(y[i]);
            }
        }
        SortedScores sorted = new SortedScores(s, y);
        int[] ones = new int[n];
        Arrays.fill(ones, 1);
        assertEquals(Auc.binary(s, y).getAsDouble(), sorted.auc(ones), 1e-12);
        double[] xs = es.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] xy = new boolean[ey.size()];
        for (int i = 0; i < xy.length; i++) {
            xy[i] = ey.get(i);
        }
        assertEquals(Auc.binary(xs, xy).getAsDouble(), sorted.auc(w), 1e-12);
        int[] onlyNegatives = new int[n];
        for (int i = 0; i < n; i++) {
            onlyNegatives[i] = y[i] ? 0 : 1;
        }
        assertTrue(Double.isNaN(sorted.auc(onlyNegatives)));
    }

    private static LabelledScores run(int n, double strength, long seed) {
        Random rnd = new Random(seed);
        Random labels = new Random(1);
        List<String> ids = new ArrayList<>();
        double[][] s = new double[n][2];
        boolean[][] y = new boolean[n][2];
        for (int i = 0; i < n; i++) {
            ids.add("img" + i);
            for (int k = 0; k < 2; k++) {
                y[i][k] = labels.nextBoolean();
                s[i][k] = strength * (y[i][k] ? 1 : 0) + rnd.nextGaussian();
            }
        }
        return new LabelledScores(ids, List.of("a", "b"), s, y);
    }

    @Test
    void seededAndPaired() {
        AucBootstrap boot = new AucBootstrap(200);
        LabelledScores strong = run(200, 4.0, 3);
        boot.add("strong", strong);
        boot.add("weak", run(200, 0.0, 4));
        boot.add("same", strong);
        AucBootstrap.BootstrapResult a = boot.run(200, 11);
        AucBootstrap.BootstrapResult b = boot.run(200, 11);
        AucBootstrap.BootstrapResult c = boot.run(200, 12);
        assertArrayEquals(a.replicates().get("weak"), b.replicates().get("weak"), 0);
        assertFalse(Arrays.equals(a.replicates().get("weak"), c.replicates().get("weak")));
        double point = Auc.multiLabel(strong.classes(), strong.scores(), strong.labels()).mean().getAsDouble();
        assertEquals(point, a.point().get("strong"), 1e-12);

        // The same predictions differ by exactly 0 in every replicate: p = 1, interval [0, 0].
        AucBootstrap.Difference same = a.difference("strong", "same", 0.95);
        assertEquals(1.0, same.p(), 0);
        assertEquals(0.0, same.lo(), 0);
        assertEquals(0.0, same.hi(), 0);
        // A strong model beats chance in every replicate: p = (1 + 0) x 2 / 201.
        AucBootstrap.Difference d = a.difference("strong", "weak", 0.95);
        assertEquals(2.0 / 201, d.p(), 1e-15);
        assertTrue(d.lo() > 0 && d.lo() <= d.point() && d.point() <= d.hi());
        assertEquals(-d.point(), a.difference("weak", "strong", 0.95).point(), 1e-15);
        double[] ci = a.interval("strong", 0.95);
        assertTrue(ci[0] <= point && point <= ci[1]);
    }

    @Test
    void modelValueAveragesSeeds() {
        AucBootstrap boot = new AucBootstrap(50);
        LabelledScores s0 = run(50, 1.0, 5);
        LabelledScores s1 = run(50, 2.0, 6);
        boot.add("m", s0);
        boot.add("m", s1);
        double m0 = Auc.multiLabel(s0.classes(), s0.scores(), s0.labels()).mean().getAsDouble();
        double m1 = Auc.multiLabel(s1.classes(), s1.scores(), s1.labels()).mean().getAsDouble();
        assertEquals((m0 + m1) / 2, boot.run(1, 0).point().get("m"), 1e-12);
    }
}
