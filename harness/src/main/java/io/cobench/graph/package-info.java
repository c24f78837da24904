/**
 * Graph building blocks on SameDiff: ResNet with trainable BN (fused op with a composed backward,
 * or primitive ops), ReLU with libnd4j's fast backward, MLP heads, decoders.
 */
package io.cobench.graph;
