package io.cobench.coboom;

import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Moves between NCHW feature maps and one row per spatial position. The channels must be moved
 * last before flattening: a plain reshape of NCHW to [B, HW, C] (what the official code does)
 * mixes channels of different positions into one "token".
 */
final class Tokens {
    private Tokens() {
    }

    /** [B,C,H,W] to [B*H*W, C], rows ordered by batch, then row, then column. */
    static SDVariable rows(SDVariable map, int channels) {
        return map.permute(0, 2, 3, 1).reshape(-1, channels);
    }

    /** The inverse of {@link #rows}. */
    static SDVariable map(SDVariable rows, int channels, int height, int width) {
        return rows.reshape(-1, height, width, channels).permute(0, 3, 1, 2);
    }
}
