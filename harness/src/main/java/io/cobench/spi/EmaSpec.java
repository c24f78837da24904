package io.cobench.spi;

/**
 * A target network that follows an online one: every variable under {@code targetPrefix} is
 * updated as {@code t = m t + (1 - m) o} from the variable with the same name under
 * {@code onlinePrefix}. BN running statistics are excluded (the target keeps its own). Targets
 * start as copies of their online variables.
 *
 * @param cosine if true, m follows tau_k = 1 - (1 - m0)(cos(pi k / K) + 1)/2; else m = m0 throughout
 */
public record EmaSpec(String onlinePrefix, String targetPrefix, double m0, boolean cosine) {
}
