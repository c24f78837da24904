/**
 * The metric functions the protocols store (AUC, per-image and pooled Dice), behind one small
 * interface so that the reports module's implementations can replace the local ones.
 */
package io.cobench.benchmark.metrics;
