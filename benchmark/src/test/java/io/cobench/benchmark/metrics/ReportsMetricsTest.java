package io.cobench.benchmark.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportsMetricsTest {
    private final Metrics m = new ReportsMetrics();

    @Test
    void aucMatchesHandCountedPairs() {
        // Pairs (pos, neg): (0.35,0.1) yes, (0.35,0.4) no, (0.8,0.1) yes, (0.8,0.4) yes -> 3/4.
        assertEquals(0.75, m.auc(new float[] {0.1f, 0.4f, 0.35f, 0.8f}, new float[] {0, 0, 1, 1}), 1e-12);
        assertEquals(1.0, m.auc(new float[] {0.1f, 0.2f, 0.9f}, new float[] {0, 0, 1}), 1e-12);
        assertEquals(0.0, m.auc(new float[] {0.9f, 0.2f, 0.1f}, new float[] {0, 0, 1}), 1e-12);
    }

    @Test
    void tiesCountHalf() {
        // Positives 0.5 and 0.9, negatives 0.5 and 0.5: pairs 0.5 vs 0.5 count 1/2 each -> (1/2+1/2+1+1)/4.
        assertEquals(0.75, m.auc(new float[] {0.5f, 0.5f, 0.5f, 0.9f}, new float[] {0, 1, 0, 1}), 1e-12);
        assertEquals(0.5, m.auc(new float[] {0.3f, 0.3f}, new float[] {1, 0}), 1e-12);
    }

    @Test
    void singleValuedLabelsAreUndefined() {
        assertTrue(Double.isNaN(m.auc(new float[] {0.1f, 0.2f}, new float[] {0, 0})));
        assertTrue(Double.isNaN(m.auc(new float[] {0.1f, 0.2f}, new float[] {1, 1})));
    }

    @Test
    void diceFollowsTheEmptyMaskRule() {
        Metrics.DiceCounts both = m.dice(new float[] {0.2f, 0.4f}, new float[] {0, 0}, 0.5);
        assertEquals(1.0, both.dice(), 0);
        Metrics.DiceCounts falsePos = m.dice(new float[] {0.7f, 0.4f}, new float[] {0, 0}, 0.5);
        assertEquals(0.0, falsePos.dice(), 0);
        // Predicted {0,1,2}, truth {2,3}: 2*1/(3+2) = 0.4. A probability of exactly 0.5 is not foreground.
        Metrics.DiceCounts c = m.dice(new float[] {0.9f, 0.6f, 0.8f, 0.5f}, new float[] {0, 0, 1, 1}, 0.5);
        assertEquals(new Metrics.DiceCounts(1, 3, 2), c);
        assertEquals(0.4, c.dice(), 1e-12);
        // Pooled over all three images: 2*(0+0+1)/((0+1+3)+(0+0+2)) = 2/6.
        assertEquals(1.0 / 3, Metrics.DiceCounts.pooled(List.of(both, falsePos, c)), 1e-12);
        assertEquals(1.0, Metrics.DiceCounts.pooled(List.of(both)), 0);
    }
}
