package io.cobench.data.phantom;

/**
 * The SIIM-ACR run-length ENCODER (datasets.md, section 2). Pixels are scanned column by
 * column (flat index {@code x * height + y}), runs are (offset, length) pairs, the first offset
 * is absolute and every later one counts from the end of the previous run. Unlike the official
 * script, a run that touches the last pixel is still written.
 */
final class SiimRleEncoder {
    private SiimRleEncoder() {
    }

    /**
     * @param mask row-major, {@code mask[y * width + x]}
     * @return the pairs separated by single spaces; empty when the mask is empty
     */
    static String encode(boolean[] mask, int width, int height) {
        if (mask.length != width * height) {
            throw new IllegalArgumentException(mask.length + " mask pixels for " + width + "x" + height);
        }
        StringBuilder sb = new StringBuilder();
        long previousEnd = 0;
        long runStart = -1;
        long n = (long) width * height;
        for (long p = 0; p <= n; p++) {
            boolean on = p < n && mask[(int) (p % height) * width + (int) (p / height)];
            if (on && runStart < 0) {
                runStart = p;
            } else if (!on && runStart >= 0) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(runStart - previousEnd).append(' ').append(p - runStart);
                previousEnd = p;
                runStart = -1;
            }
        }
        return sb.toString();
    }
}
