/**
 * From image files to training batches: the preprocessing cache (decode once through the
 * loaders' ImageReader, resize, one memory-mapped file rebuilt when sources or size change),
 * view transforms (the two-view augmentation, the plain evaluation view), normalisation, and
 * deterministic multi-threaded batch assembly addressed by step; plus {@code bench data}.
 */
package io.cobench.data.pipeline;
