/** Graph building blocks on SameDiff: ResNet with trainable BN (fused op with a working backward, or primitive ops), MLP heads, decoders. */
package io.cobench.graph;
