package io.cobench.data.views;

import java.util.SplittableRandom;

/**
 * The restoration distortions of CAiD and DiRA, applied in place to the input view: in-painting
 * (blocks set to 0), out-painting (everything set to 0 except some large blocks) or local patch
 * swaps, one of them or none per image. Block sizes are the reference's at 224 px, scaled to the
 * image size.
 *
 * <p>Reference sizes: in-painting blocks 10-70 px, up to 10 of them, stopping after each with
 * probability 0.1; out-painting keeps up to 10 blocks of (size - 50..70) px; swaps exchange 10
 * pairs of 10-15 px blocks; blocks stay 3 px from the border. The reference draws swap pairs
 * with a test that almost always accepts overlapping blocks and copies both blocks from the
 * undistorted image, so overlapping pairs duplicate some pixels and lose others. Here a pair is
 * redrawn until its blocks are disjoint and swapped in the current image, so every swap moves two
 * whole patches and the distorted image is a permutation of the original.
 */
public final class Restoration {

    /** Which distortion an image received. */
    public enum Kind { IN_PAINT, OUT_PAINT, SWAP, NONE }

    private static final int MAX_BLOCKS = 10;
    private static final double STOP_PROBABILITY = 0.1;
    private static final int MAX_PAIR_DRAWS = 100;

    private Restoration() {
    }

    /** Draws the distortion: in-painting, out-painting, swaps with the given probabilities, else none. */
    public static Kind choose(SplittableRandom r, double pInPaint, double pOutPaint, double pSwap) {
        double u = r.nextDouble();
        if (u < pInPaint) {
            return Kind.IN_PAINT;
        }
        if (u < pInPaint + pOutPaint) {
            return Kind.OUT_PAINT;
        }
        if (u < pInPaint + pOutPaint + pSwap) {
            return Kind.SWAP;
        }
        return Kind.NONE;
    }

    /** Applies {@code kind} with random blocks; {@code scale} is image size / 224. */
    public static void apply(FloatImage im, Kind kind, SplittableRandom r, double scale) {
        switch (kind) {
            case IN_PAINT -> inPaint(im, r, scale);
            case OUT_PAINT -> outPaint(im, r, scale);
            case SWAP -> swap(im, r, scale);
            default -> {
            }
        }
    }

    static void inPaint(FloatImage im, SplittableRandom r, double scale) {
        int margin = margin(scale);
        for (int n = 0; n < MAX_BLOCKS; n++) {
            int bh = blockSize(r, scale, 10, 70, im.height(), margin);
            int bw = blockSize(r, scale, 10, 70, im.width(), margin);
            int top = between(r, margin, im.height() - bh - margin);
            int left = between(r, margin, im.width() - bw - margin);
            fill(im, top, left, bh, bw, 0f);
            if (r.nextDouble() < STOP_PROBABILITY) {
                break;
            }
        }
    }

    static void outPaint(FloatImage im, SplittableRandom r, double scale) {
        int margin = margin(scale);
        FloatImage orig = im.copy();
        fill(im, 0, 0, im.height(), im.width(), 0f);
        for (int n = 0; n < MAX_BLOCKS; n++) {
            int bh = Math.max(1, Math.min(im.height() - 2 * margin, im.height() - between(r, px(50, scale), px(70, scale))));
            int bw = Math.max(1, Math.min(im.width() - 2 * margin, im.width() - between(r, px(50, scale), px(70, scale))));
            int top = between(r, margin, im.height() - bh - margin);
            int left = between(r, margin, im.width() - bw - margin);
            copy(orig, im, top, left, top, left, bh, bw);
            if (r.nextDouble() < STOP_PROBABILITY) {
                break;
            }
        }
    }

    static void swap(FloatImage im, SplittableRandom r, double scale) {
        int margin = margin(scale);
        for (int n = 0; n < MAX_BLOCKS; n++) {
            int bh = blockSize(r, scale, 10, 15, im.height(), margin);
            int bw = blockSize(r, scale, 10, 15, im.width(), margin);
            for (int draw = 0; draw < MAX_PAIR_DRAWS; draw++) {
                int t1 = between(r, margin, im.height() - bh - margin);
                int l1 = between(r, margin, im.width() - bw - margin);
                int t2 = between(r, margin, im.height() - bh - margin);
                int l2 = between(r, margin, im.width() - bw - margin);
                if (t1 + bh <= t2 || t2 + bh <= t1 || l1 + bw <= l2 || l2 + bw <= l1) {
                    swapBlocks(im, t1, l1, t2, l2, bh, bw);
                    break;
                }
            }
        }
    }

    /** Sets the block at (top, left) of size bh x bw to {@code v} in every channel. */
    public static void fill(FloatImage im, int top, int left, int bh, int bw, float v) {
        for (int c = 0; c < im.channels(); c++) {
            for (int y = top; y < top + bh; y++) {
                for (int x = left; x < left + bw; x++) {
                    im.set(c, y, x, v);
                }
            }
        }
    }

    /** Copies the block at (sy, sx) of {@code src} to (dy, dx) of {@code dst}. */
    public static void copy(FloatImage src, FloatImage dst, int sy, int sx, int dy, int dx, int bh, int bw) {
        for (int c = 0; c < src.channels(); c++) {
            for (int y = 0; y < bh; y++) {
                for (int x = 0; x < bw; x++) {
                    dst.set(c, dy + y, dx + x, src.get(c, sy + y, sx + x));
                }
            }
        }
    }

    /** Exchanges two disjoint bh x bw blocks at (t1, l1) and (t2, l2), in every channel. */
    public static void swapBlocks(FloatImage im, int t1, int l1, int t2, int l2, int bh, int bw) {
        for (int c = 0; c < im.channels(); c++) {
            for (int y = 0; y < bh; y++) {
                for (int x = 0; x < bw; x++) {
                    float a = im.get(c, t1 + y, l1 + x);
                    im.set(c, t1 + y, l1 + x, im.get(c, t2 + y, l2 + x));
                    im.set(c, t2 + y, l2 + x, a);
                }
            }
        }
    }

    /** A reference length at 224 px, scaled and at least 1. */
    static int px(int at224, double scale) {
        return Math.max(1, (int) Math.round(at224 * scale));
    }

    private static int margin(double scale) {
        return (int) Math.round(3 * scale);
    }

    private static int blockSize(SplittableRandom r, double scale, int lo224, int hi224, int extent, int margin) {
        int room = Math.max(1, extent - 2 * margin);
        int lo = Math.min(px(lo224, scale), room);
        int hi = Math.min(px(hi224, scale), room);
        return between(r, lo, hi);
    }

    /** Uniform integer in [lo, hi], both included (Python's randint). */
    private static int between(SplittableRandom r, int lo, int hi) {
        return hi <= lo ? lo : lo + r.nextInt(hi - lo + 1);
    }
}
