package io.cobench.data.phantom;

/**
 * A pixel rectangle, {@code x0 <= x < x1}, {@code y0 <= y < y1}; empty when {@code x1 <= x0}.
 * Used for drawing bounds and for the NIH bounding boxes of drawn lesions.
 */
record Box(int x0, int y0, int x1, int y1) {
    static final Box EMPTY = new Box(0, 0, 0, 0);

    boolean isEmpty() {
        return x1 <= x0 || y1 <= y0;
    }

    int width() {
        return Math.max(0, x1 - x0);
    }

    int height() {
        return Math.max(0, y1 - y0);
    }

    Box clip(int width, int height) {
        Box b = new Box(Math.max(0, x0), Math.max(0, y0), Math.min(width, x1), Math.min(height, y1));
        return b.isEmpty() ? EMPTY : b;
    }

    Box grow(int d) {
        return new Box(x0 - d, y0 - d, x1 + d, y1 + d);
    }

    boolean contains(int x, int y) {
        return x >= x0 && x < x1 && y >= y0 && y < y1;
    }
}
