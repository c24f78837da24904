/** Graph building blocks on SameDiff: ResNet with trainable BN from primitive ops, MLP heads, decoders. */
package io.cobench.graph;
