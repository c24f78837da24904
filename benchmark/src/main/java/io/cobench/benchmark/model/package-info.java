/**
 * The downstream networks and their training step: encoder weights taken over by name, the
 * classifier (encoder + linear layer) and the U-Net on the encoder. The optimiser, clipping and
 * batch-norm statistics are the harness's ({@code io.cobench.train}).
 */
package io.cobench.benchmark.model;
