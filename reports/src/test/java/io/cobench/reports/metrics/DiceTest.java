package io.cobench.reports.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiceTest {

    private static boolean[] m(int... v) {
        boolean[] b = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = v[i] == 1;
        }
        return b;
    }

    @Test
    void overlapOfNonEmptyMasks() {
        // |P∩T| = 1, |P| = 2, |T| = 2 -> 2/4.
        assertEquals(0.5, Dice.perImage(m(1, 1, 0, 0), m(1, 0, 1, 0)), 0);
        assertEquals(1.0, Dice.perImage(m(0, 1, 1, 0), m(0, 1, 1, 0)), 0);
        // |P∩T| = 1, |P| = 1, |T| = 3 -> 2/4.
        assertEquals(0.5, Dice.perImage(m(1, 0, 0, 0), m(1, 1, 1, 0)), 0);
    }

    @Test
    void emptyMaskRules() {
        assertEquals(1.0, Dice.perImage(m(0, 0, 0), m(0, 0, 0)), 0, "empty truth, empty prediction");
        assertEquals(0.0, Dice.perImage(m(0, 1, 0), m(0, 0, 0)), 0, "empty truth, a false positive");
        assertEquals(0.0, Dice.perImage(m(0, 0, 0), m(0, 1, 0)), 0, "missed lesion");
    }

    @Test
    void meanAndPooledOverImages() {
        Dice.Accumulator acc = new Dice.Accumulator();
        assertEquals(0.5, acc.add(m(1, 1, 0, 0), m(1, 0, 1, 0)), 0);
        assertEquals(1.0, acc.add(m(0, 0, 0, 0), m(0, 0, 0, 0)), 0);
        assertEquals(0.0, acc.add(m(0, 0, 0, 1), m(0, 0, 0, 0)), 0);
        DiceSummary s = acc.summary();
        assertEquals(List.of(0.5, 1.0, 0.0), s.perImage());
        assertEquals(0.5, s.mean(), 1e-15);
        // Pooled: intersection 1, predicted 2 + 0 + 1 = 3, truth 2 -> 2/5.
        assertEquals(0.4, s.pooled(), 1e-15);
    }

    @Test
    void allEmptyTestSetPoolsToOne() {
        Dice.Accumulator acc = new Dice.Accumulator();
        acc.add(m(0, 0), m(0, 0));
        acc.add(m(0, 0), m(0, 0));
        assertEquals(1.0, acc.summary().pooled(), 0);
    }

    @Test
    void thresholdIsStrictlyAboveOneHalf() {
        assertArrayEquals(m(0, 0, 1, 1), Dice.binarize(new double[] {0.0, 0.5, 0.5000001, 1.0}));
    }
}
