/**
 * PNG figures drawn headless with XChart and Java2D: AUC against label fraction, the Grad-CAM
 * panel in the style of the paper's Fig. 2, and codebook usage over pretraining.
 */
package io.cobench.reports.figures;
