/**
 * NIH ChestX-ray14: the label file (both versions), the official patient-disjoint split, the
 * bounding boxes, the two class orders, and lists users bring (labelled list files, CoBooM
 * subset CSVs) with their overlap against the official test split.
 */
package io.cobench.data.nih;
