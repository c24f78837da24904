package io.cobench.benchmark.gradcam;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A class-activation map at image resolution, and where it points. */
public final class Heatmap {
    private final float[][] v;

    private Heatmap(float[][] v) {
        this.v = v;
    }

    /**
     * Bilinear upsampling of an [h, w] map to {@code size} x {@code size} with half-pixel centres
     * (OpenCV's resize and PyTorch's align_corners=False), clamped at the borders.
     */
    public static Heatmap upsample(INDArray cam, int size) {
        int h = (int) cam.size(0);
        int w = (int) cam.size(1);
        float[][] out = new float[size][size];
        for (int y = 0; y < size; y++) {
            double sy = Math.max(0, (y + 0.5) * h / size - 0.5);
            int y0 = Math.min((int) Math.floor(sy), h - 1);
            int y1 = Math.min(y0 + 1, h - 1);
            double fy = sy - y0;
            for (int x = 0; x < size; x++) {
                double sx = Math.max(0, (x + 0.5) * w / size - 0.5);
                int x0 = Math.min((int) Math.floor(sx), w - 1);
                int x1 = Math.min(x0 + 1, w - 1);
                double fx = sx - x0;
                double top = cam.getDouble(y0, x0) * (1 - fx) + cam.getDouble(y0, x1) * fx;
                double bot = cam.getDouble(y1, x0) * (1 - fx) + cam.getDouble(y1, x1) * fx;
                out[y][x] = (float) (top * (1 - fy) + bot * fy);
            }
        }
        return new Heatmap(out);
    }

    public static Heatmap of(float[][] values) {
        return new Heatmap(values);
    }

    public int size() {
        return v.length;
    }

    public float get(int row, int col) {
        return v[row][col];
    }

    /**
     * The pixel of the maximum as {row, col} (the first in row-major order on ties), or null when
     * the map is zero everywhere: such a map points nowhere and scores a miss.
     */
    public int[] peak() {
        int[] best = null;
        float max = 0;
        for (int y = 0; y < v.length; y++) {
            for (int x = 0; x < v[y].length; x++) {
                if (v[y][x] > max) {
                    max = v[y][x];
                    best = new int[] {y, x};
                }
            }
        }
        return best;
    }

    public float max() {
        float m = 0;
        for (float[] row : v) {
            for (float f : row) {
                m = Math.max(m, f);
            }
        }
        return m;
    }
}
