/**
 * Grad-CAM diagnostic maps (paper Fig. 2) on NIH images with boxes: the maps, PNG overlays, and
 * a pointing-game score per method and finding.
 */
package io.cobench.benchmark.gradcam;
