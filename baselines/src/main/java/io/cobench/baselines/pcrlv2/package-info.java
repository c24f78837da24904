/**
 * PCRLv2 (Zhou et al., TPAMI 2023): a U-Net without skips whose decoder levels carry
 * projection, prediction and mask heads; global-global and global-local consistency at a random
 * level, pixel restoration of the first view, and a mask loss at that level weighted by a cosine
 * schedule.
 */
package io.cobench.baselines.pcrlv2;
