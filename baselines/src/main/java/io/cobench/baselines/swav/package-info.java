/**
 * SwAV: prototypes, in-graph Sinkhorn-Knopp codes, the swapped-prediction loss, prototype
 * freezing and re-normalisation, the optional queue and optional multi-crop views.
 */
package io.cobench.baselines.swav;
