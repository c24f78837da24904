/** {@code cobench data convert}: a dataset's images rewritten in a form other tools read (SIIM's DICOM as PNG). */
package io.cobench.data.convert;
