/**
 * From image files to training batches: the preprocessing cache (decode once through the
 * loaders' ImageReader, resize, one memory-mapped file rebuilt when sources or size change),
 * view transforms (the two-view augmentation, the plain evaluation view) and normalisation.
 * Everything here works on bytes and floats; the harness's {@code io.cobench.batch} turns views
 * into ND4J arrays.
 */
package io.cobench.data.pipeline;
