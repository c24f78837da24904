/**
 * Significance of CoBooM ("Ours w/Dec.") against each baseline in each table column: paired
 * t-tests per seed and per image, a paired bootstrap of AUC over test images, Holm correction
 * within each family, and bootstrap confidence intervals for every method's AUC.
 */
package io.cobench.reports.significance;
