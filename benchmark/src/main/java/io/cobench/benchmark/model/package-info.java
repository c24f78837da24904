/**
 * The downstream networks and their training step: encoder weights taken over by name, the
 * classifier (encoder + linear layer) and the U-Net on the encoder, AdamW with gradient clipping,
 * and batch-norm running statistics.
 */
package io.cobench.benchmark.model;
