package io.cobench.coboom;

/**
 * The cross-attention that fuses the quantized map (queries) with the continuous one (keys, values).
 *
 * @param enabled false gives the "w/o DF." ablation: z'_theta is projected from the quantized map directly
 * @param heads attention heads (8 in the official code); must divide the encoder's channel count
 */
public record DiversiFuseConfig(boolean enabled, int heads) {
    public DiversiFuseConfig {
        if (heads < 1) {
            throw new IllegalArgumentException("diversiFuse.heads must be >= 1, got " + heads);
        }
    }
}
