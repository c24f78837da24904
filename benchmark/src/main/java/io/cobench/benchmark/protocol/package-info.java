/**
 * The downstream protocols: the linear probe on extracted features, semi-supervised fine-tuning,
 * and U-Net segmentation under both protocols, each with model selection on validation (or, as a
 * marked paper-parity switch, on test).
 */
package io.cobench.benchmark.protocol;
