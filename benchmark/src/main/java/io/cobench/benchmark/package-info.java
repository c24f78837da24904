/**
 * The paper's evaluation: downstream protocols on pretrained encoders, Grad-CAM, grids of
 * methods x datasets x label fractions x protocols x seeds, and the results store they fill.
 */
package io.cobench.benchmark;
