/**
 * From cached pixels to training batches: view transforms (augmentations), normalisation,
 * deterministic multi-threaded batch assembly.
 */
package io.cobench.data.pipeline;
