/**
 * CoBooM (Singh and Mishra, MICCAI 2024): a BYOL-style online/target pair whose target feature
 * map is quantized against a codebook, fused back with the continuous map by multi-head cross
 * attention (DiversiFuse), projected to a second prediction target and, optionally, decoded to
 * reconstruct the clean image. Every difference between the paper and the authors' code is a
 * field of {@link io.cobench.coboom.CoBooMConfig}.
 */
package io.cobench.coboom;
