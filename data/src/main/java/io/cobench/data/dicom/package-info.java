/**
 * DICOM images as 8-bit grey pictures: SIIM-ACR's native form. Uncompressed transfer syntaxes are
 * decoded by ImageJ 1.x; JPEG Baseline pixel data, which ImageJ refuses, is taken out of its
 * encapsulation here and decoded by ImageIO.
 */
package io.cobench.data.dicom;
