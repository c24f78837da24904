/**
 * The narrow view the protocols have of a downstream dataset: labelled subsets, validation and
 * test splits as batches of normalised images, labels or masks, and NIH's boxes. Adapters over
 * the harness's loaders (real layouts and phantom data) implement it.
 */
package io.cobench.benchmark.data;
