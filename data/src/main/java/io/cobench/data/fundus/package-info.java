/**
 * The fundus datasets in their download layouts: EyePACS (pretraining images and grades),
 * MuReD (20 multi-label classes, its own train/val files) and ODIR-5K (per-eye labels from
 * Kaggle's full_df.csv or the official workbook, patient-grouped 80/20 split).
 */
package io.cobench.data.fundus;
