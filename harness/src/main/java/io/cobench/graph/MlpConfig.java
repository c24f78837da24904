package io.cobench.graph;

/**
 * A projection or prediction head: {@code depth} linear layers; hidden ones are followed by
 * (optional) BN and ReLU.
 *
 * @param depth number of linear layers, at least 1
 * @param hidden width of the hidden layers
 * @param out output width
 * @param bn BN after each hidden layer
 * @param lastBn BN (without affine meaning changes) after the last layer too, as SimCLR v2 and SwAV variants do
 */
public record MlpConfig(int depth, int hidden, int out, boolean bn, boolean lastBn) {
    public MlpConfig {
        if (depth < 1 || hidden < 1 || out < 1) {
            throw new IllegalArgumentException("MLP needs depth, hidden and out >= 1, got " + depth + ", " + hidden + ", " + out);
        }
    }
}
