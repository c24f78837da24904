package io.cobench.data.views;

import java.util.SplittableRandom;

/**
 * Cutout as PCRLv2 applies it, after normalisation: {@code holes} squares of side
 * {@code 2 * (length / 2)} centred on uniformly drawn pixels, clipped at the border, set to 0 in
 * every channel.
 */
public final class Cutout {
    private Cutout() {
    }

    /** Cuts {@code holes} random holes into {@code chw} ({@code channels x size x size}). */
    public static void apply(float[] chw, int channels, int size, int holes, int length, SplittableRandom r) {
        for (int n = 0; n < holes; n++) {
            int cy = r.nextInt(size);
            int cx = r.nextInt(size);
            hole(chw, channels, size, cy, cx, length);
        }
    }

    /** Zeroes rows [cy - length/2, cy + length/2) and the same columns around cx, clipped to the image. */
    public static void hole(float[] chw, int channels, int size, int cy, int cx, int length) {
        int y1 = Math.max(0, cy - length / 2);
        int y2 = Math.min(size, cy + length / 2);
        int x1 = Math.max(0, cx - length / 2);
        int x2 = Math.min(size, cx + length / 2);
        for (int c = 0; c < channels; c++) {
            for (int y = y1; y < y2; y++) {
                for (int x = x1; x < x2; x++) {
                    chw[(c * size + y) * size + x] = 0f;
                }
            }
        }
    }
}
