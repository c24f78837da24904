package io.cobench.reports.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HolmTest {

    @Test
    void handExample() {
        // Sorted: 0.005 x4 = 0.02, 0.01 x3 = 0.03, 0.03 x2 = 0.06, 0.04 x1 = 0.04 -> raised to 0.06.
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02}, Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005}),
                1e-15);
    }

    @Test
    void capsAtOneAndKeepsOrder() {
        assertArrayEquals(new double[] {1.0, 1.0}, Holm.adjust(new double[] {0.6, 0.7}), 0);
        assertArrayEquals(new double[] {0.02}, Holm.adjust(new double[] {0.02}), 0);
    }

    @Test
    void undefinedPValuesAreNotFamilyMembers() {
        // m = 2: 0.02 x2 = 0.04, 0.5 x1 = 0.5.
        assertArrayEquals(new double[] {0.04, Double.NaN, 0.5}, Holm.adjust(new double[] {0.02, Double.NaN, 0.5}),
                1e-15);
    }

    @Test
    void rejectsImpossiblePValues() {
        assertThrows(IllegalArgumentException.class, () -> Holm.adjust(new double[] {1.2}));
    }
}
