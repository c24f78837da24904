package io.cobench.reports.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PairedTTestTest {

    /** Student's sleep data (Cushny and Peebles), the textbook paired example. */
    static final double[] DRUG1 = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
    static final double[] DRUG2 = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};

    @Test
    void sleepDataMatchesTextbook() {
        // Published: t = -4.0621, df = 9, p = 0.002833, mean difference -1.58.
        TTestResult r = PairedTTest.test(DRUG1, DRUG2);
        assertTrue(r.defined());
        assertEquals(10, r.n());
        assertEquals(9, r.df());
        assertEquals(-1.58, r.meanDiff(), 1e-12);
        assertEquals(-4.0621, r.t(), 5e-5);
        assertEquals(0.002833, r.p(), 5e-7);
    }

    @Test
    void threePairsAgainstClosedForm() {
        // Differences 0.10, 0.09, 0.09: mean 0.28/3, SD sqrt(1/30000), t = 28 exactly.
        // With 2 df the two-sided p is 1 - t / sqrt(2 + t^2).
        TTestResult r = PairedTTest.test(new double[] {0.70, 0.72, 0.74}, new double[] {0.60, 0.63, 0.65});
        assertEquals(28.0, r.t(), 1e-9);
        assertEquals(1 - 28 / Math.sqrt(786), r.p(), 1e-9);
    }

    @Test
    void undefinedCasesSayWhy() {
        TTestResult one = PairedTTest.test(new double[] {1}, new double[] {0});
        assertFalse(one.defined());
        assertTrue(Double.isNaN(one.p()));
        assertEquals("fewer than 2 pairs", one.undefinedReason());
        TTestResult flat = PairedTTest.test(new double[] {1, 2, 3}, new double[] {0, 1, 2});
        assertEquals("all differences are equal", flat.undefinedReason());
        assertEquals(1.0, flat.meanDiff(), 1e-15);
        assertTrue(Double.isNaN(flat.t()));
    }
}
