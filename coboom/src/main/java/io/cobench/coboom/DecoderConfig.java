package io.cobench.coboom;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The decoder f'_theta that reconstructs the clean image from the fused map. The paper gives no
 * layout; this one doubles the resolution per stage (up, conv3x3, BN, ReLU), halving the
 * channels down to {@code minChannels}, and ends with a conv3x3 to the image channels.
 *
 * @param enabled false gives the "w/o Dec." ablation (gamma must then be 0)
 * @param upsample {@code nearest} (x2 nearest neighbour) or {@code deconv} (2x2 transposed conv, stride 2)
 * @param minChannels the narrowest stage
 */
public record DecoderConfig(boolean enabled, Upsample upsample, int minChannels) {

    /** How each stage doubles the resolution. */
    public enum Upsample {
        @JsonProperty("nearest") NEAREST,
        @JsonProperty("deconv") DECONV
    }

    public DecoderConfig {
        if (upsample == null) {
            throw new IllegalArgumentException("decoder.upsample must be nearest or deconv");
        }
        if (minChannels < 1) {
            throw new IllegalArgumentException("decoder.minChannels must be >= 1, got " + minChannels);
        }
    }
}
