package io.cobench.data.phantom;

import java.util.function.DoubleBinaryOperator;

/**
 * A coverage map in [0, 1] per pixel. Lesions are built as masks (shapes combined by maximum,
 * sum or product) and painted in one go, so that overlapping strokes do not double up and the
 * painted region is known exactly: it gives the NIH boxes and the SIIM run-length masks.
 */
final class Mask {
    final int width;
    final int height;
    final float[] m;

    Mask(int width, int height) {
        this.width = width;
        this.height = height;
        this.m = new float[width * height];
    }

    float get(int x, int y) {
        return m[y * width + x];
    }

    Mask copy() {
        Mask c = new Mask(width, height);
        System.arraycopy(m, 0, c.m, 0, m.length);
        return c;
    }

    /** Coverage becomes the larger of the current value and the shape's. */
    Mask max(Shape s) {
        Box b = s.bounds().clip(width, height);
        for (int y = b.y0(); y < b.y1(); y++) {
            for (int x = b.x0(); x < b.x1(); x++) {
                float c = (float) s.coverage(x + 0.5, y + 0.5);
                int i = y * width + x;
                if (c > m[i]) {
                    m[i] = c;
                }
            }
        }
        return this;
    }

    /** Coverage becomes the larger of the current value and {@code weight} times the shape's. */
    Mask max(Shape s, double weight) {
        Box b = s.bounds().clip(width, height);
        for (int y = b.y0(); y < b.y1(); y++) {
            for (int x = b.x0(); x < b.x1(); x++) {
                float c = (float) (weight * s.coverage(x + 0.5, y + 0.5));
                int i = y * width + x;
                if (c > m[i]) {
                    m[i] = c;
                }
            }
        }
        return this;
    }

    /** Adds {@code weight} times the shape's coverage, clamped to [0, 1]. */
    Mask add(Shape s, double weight) {
        Box b = s.bounds().clip(width, height);
        for (int y = b.y0(); y < b.y1(); y++) {
            for (int x = b.x0(); x < b.x1(); x++) {
                int i = y * width + x;
                m[i] = clamp01(m[i] + (float) (weight * s.coverage(x + 0.5, y + 0.5)));
            }
        }
        return this;
    }

    /** Removes the shape: coverage times (1 - shape). */
    Mask cut(Shape s) {
        Box b = s.bounds().clip(width, height);
        for (int y = b.y0(); y < b.y1(); y++) {
            for (int x = b.x0(); x < b.x1(); x++) {
                int i = y * width + x;
                m[i] *= (float) (1 - s.coverage(x + 0.5, y + 0.5));
            }
        }
        return this;
    }

    Mask times(Mask o) {
        for (int i = 0; i < m.length; i++) {
            m[i] *= o.m[i];
        }
        return this;
    }

    Mask minus(Mask o) {
        for (int i = 0; i < m.length; i++) {
            m[i] = clamp01(m[i] - o.m[i]);
        }
        return this;
    }

    /** Multiplies each pixel by a function of its centre (texture, fades). */
    Mask modulate(DoubleBinaryOperator f) {
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                if (m[i] != 0) {
                    m[i] = clamp01((float) (m[i] * f.applyAsDouble(x + 0.5, y + 0.5)));
                }
            }
        }
        return this;
    }

    /** The smallest box holding every pixel with coverage of at least {@code threshold}. */
    Box box(double threshold) {
        int x0 = width;
        int y0 = height;
        int x1 = -1;
        int y1 = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (m[y * width + x] >= threshold) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
            }
        }
        return x1 < 0 ? Box.EMPTY : new Box(x0, y0, x1 + 1, y1 + 1);
    }

    /** Pixels with coverage of at least {@code threshold}, row-major. */
    boolean[] binary(double threshold) {
        boolean[] b = new boolean[m.length];
        for (int i = 0; i < m.length; i++) {
            b[i] = m[i] >= threshold;
        }
        return b;
    }

    static float clamp01(float v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }
}
