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

    @Test
    void breakdownSeparatesPositivesAndStatesTheAllEmptyFloor() {
        // {intersection, predicted, truth}:
        // A positive, 2*3/(4+4) = 0.75; B positive, missed, 0; C negative, empty prediction, 1;
        // D negative, false positive, 0.
        DiceBreakdown b = Dice.breakdown(List.of(new long[] {3, 4, 4}, new long[] {0, 0, 5}, new long[] {0, 0, 0},
                new long[] {0, 2, 0}));
        assertEquals(4, b.images());
        assertEquals(2, b.positives());
        assertEquals((0.75 + 0 + 1 + 0) / 4, b.mean(), 1e-15);
        assertEquals((0.75 + 0) / 2, b.positivesMean(), 1e-15);
        assertEquals(2.0 * 3 / (6 + 9), b.pooled(), 1e-15);
        // An all-empty predictor: 1 on C and D, 0 on A and B.
        assertEquals(0.5, b.emptyFloor(), 0);
        DiceBreakdown allEmpty = Dice.breakdown(List.of(new long[] {0, 0, 4}, new long[] {0, 0, 5},
                new long[] {0, 0, 0}, new long[] {0, 0, 0}));
        assertEquals(b.emptyFloor(), allEmpty.mean(), 0);
    }

    @Test
    void breakdownWithoutPositivesHasNoPositivesOnlyDice() {
        DiceBreakdown b = Dice.breakdown(List.of(new long[] {0, 0, 0}, new long[] {0, 1, 0}, new long[] {0, 0, 0}));
        assertEquals(0, b.positives());
        assertEquals(2.0 / 3, b.mean(), 1e-15);
        assertEquals(1.0, b.emptyFloor(), 0);
        org.junit.jupiter.api.Assertions.assertTrue(Double.isNaN(b.positivesMean()));
    }

    @Test
    void breakdownRejectsImpossibleCounts() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Dice.breakdown(List.of(new long[] {3, 2, 5})));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Dice.breakdown(List.of()));
    }
}
