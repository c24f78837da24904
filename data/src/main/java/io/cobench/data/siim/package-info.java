/**
 * SIIM-ACR Pneumothorax: the relative, column-major run-length code of its mask file, the PNG
 * layout (DICOM is refused with a conversion hint), masks as unions of regions, and the balanced
 * ImageId split.
 */
package io.cobench.data.siim;
