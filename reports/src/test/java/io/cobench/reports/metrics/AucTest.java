package io.cobench.reports.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AucTest {

    private static boolean[] y(int... v) {
        boolean[] b = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = v[i] == 1;
        }
        return b;
    }

    @Test
    void distinctScoresCountWinningPairs() {
        // Positives 0.35 and 0.8, negatives 0.1 and 0.4: pairs won 1 + 2 = 3 of 4.
        assertEquals(0.75, Auc.binary(new double[] {0.1, 0.4, 0.35, 0.8}, y(0, 0, 1, 1)).getAsDouble(), 1e-15);
    }

    @Test
    void tiedPairsCountOneHalf() {
        // Positives {0.5, 0.5}, negatives {0.5, 0.2}: two wins and two ties = 3 of 4.
        assertEquals(0.75, Auc.binary(new double[] {0.5, 0.5, 0.5, 0.2}, y(1, 0, 1, 0)).getAsDouble(), 1e-15);
        // Positives {0.2, 0.6, 0.6}, negatives {0.2, 0.6, 0.9}: 0.5 + 2 x (1 + 0.5) = 3.5 of 9.
        assertEquals(3.5 / 9, Auc.binary(new double[] {0.2, 0.2, 0.6, 0.6, 0.6, 0.9}, y(0, 1, 0, 1, 1, 0))
                .getAsDouble(), 1e-15);
        assertEquals(0.5, Auc.binary(new double[] {0.3, 0.3, 0.3}, y(1, 0, 1)).getAsDouble(), 1e-15);
    }

    @Test
    void perfectAndReversedRankings() {
        assertEquals(1.0, Auc.binary(new double[] {0.9, 0.8, 0.1}, y(1, 1, 0)).getAsDouble(), 0);
        assertEquals(0.0, Auc.binary(new double[] {0.1, 0.2, 0.9}, y(1, 1, 0)).getAsDouble(), 0);
    }

    @Test
    void singleValuedLabelsAreUndefined() {
        assertFalse(Auc.binary(new double[] {0.1, 0.7}, y(0, 0)).isPresent());
        assertFalse(Auc.binary(new double[] {0.1, 0.7}, y(1, 1)).isPresent());
    }

    @Test
    void multiLabelMeanLeavesUndefinedClassesOut() {
        double[][] s = {{0.9, 0.2, 0.5}, {0.1, 0.8, 0.4}, {0.6, 0.3, 0.3}, {0.4, 0.7, 0.2}};
        boolean[][] l = {{true, false, false}, {false, true, false}, {true, false, false}, {false, false, false}};
        MultiLabelAuc r = Auc.multiLabel(List.of("A", "B", "Hernia"), s, l);
        // A: positives 0.9, 0.6 beat negatives 0.1, 0.4 -> 1. B: positive 0.8 beats 0.2, 0.3, 0.7 -> 1.
        assertEquals(1.0, r.perClass().get(0), 0);
        assertEquals(1.0, r.perClass().get(1), 0);
        assertNull(r.perClass().get(2));
        assertEquals(List.of("Hernia"), r.undefined());
        assertEquals(1.0, r.mean().getAsDouble(), 0);
        MultiLabelAuc mixed = new MultiLabelAuc(List.of("A", "B", "C"), java.util.Arrays.asList(0.5, null, 0.8));
        assertEquals(0.65, mixed.mean().getAsDouble(), 1e-15);
        assertEquals(0.8, mixed.without("A").mean().getAsDouble(), 1e-15);
        assertTrue(new MultiLabelAuc(List.of("A"), java.util.Arrays.asList((Double) null)).mean().isEmpty());
    }

    @Test
    void rejectsNaNAndLengthMismatch() {
        assertThrows(IllegalArgumentException.class, () -> Auc.binary(new double[] {Double.NaN, 0.1}, y(1, 0)));
        assertThrows(IllegalArgumentException.class, () -> Auc.binary(new double[] {0.1}, y(1, 0)));
    }
}
