package io.cobench.data.pipeline;

/** Helpers shared by the transforms: channel conversion and normalised output. */
final class Planes {
    private Planes() {
    }

    /** The output channel count for an image of {@code channels} under setting {@code wanted} (0 = keep). */
    static int outputChannels(int channels, int wanted) {
        return wanted == 0 ? channels : wanted;
    }

    /**
     * Writes planar [0, 1] floats of {@code c} channels as {@code outC} normalised channels:
     * grey is repeated for three outputs, RGB is turned grey for one.
     */
    static void write(float[] img, int c, int hw, int outC, Normalization norm, float[] out) {
        for (int ch = 0; ch < outC; ch++) {
            // (v - mean) / std as one multiply-add per sample
            float a = norm.applyUnit(1f, ch) - norm.applyUnit(0f, ch);
            float b = norm.applyUnit(0f, ch);
            int dst = ch * hw;
            if (c == outC || c == 1) {
                int src = c == 1 ? 0 : ch * hw;
                for (int i = 0; i < hw; i++) {
                    out[dst + i] = img[src + i] * a + b;
                }
            } else {
                for (int i = 0; i < hw; i++) {
                    float g = Augment.WR * img[i] + Augment.WG * img[hw + i] + Augment.WB * img[2 * hw + i];
                    out[dst + i] = g * a + b;
                }
            }
        }
    }
}
