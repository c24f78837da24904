package io.cobench.reports.tables;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers as the paper prints them: a fraction in [0, 1] shown in percent with one decimal.
 * Rounding goes through the shortest decimal form of the double, so 0.7125 shows as 71.3 as a
 * reader would round it, not as the binary neighbour 71.2.
 */
public final class Percent {

    private Percent() {
    }

    /**
     * A fraction in percent for a CSV, unrounded: the decimal point moves two places in the
     * fraction's shortest decimal form, so 0.71 becomes 71.0 and not 70.99999999999999.
     * NaN stays NaN.
     */
    public static double points(double fraction) {
        if (Double.isNaN(fraction) || Double.isInfinite(fraction)) {
            return fraction;
        }
        return new BigDecimal(Double.toString(fraction)).movePointRight(2).doubleValue();
    }

    public static BigDecimal of(double fraction) {
        return new BigDecimal(Double.toString(fraction)).movePointRight(2).setScale(1, RoundingMode.HALF_UP);
    }

    public static String format(double fraction) {
        return of(fraction).toPlainString();
    }

    /** A signed difference in percentage points, e.g. "+0.3", "-1.1", "0.0". */
    public static String signed(BigDecimal points) {
        String s = points.setScale(1, RoundingMode.HALF_UP).toPlainString();
        return points.signum() > 0 ? "+" + s : s;
    }
}
