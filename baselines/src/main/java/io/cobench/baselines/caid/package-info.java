/**
 * CAiD (Taher et al., MIDL 2022): MoCo-v2 instance discrimination around a U-Net whose decoder
 * restores the distorted query view. {@link io.cobench.baselines.caid.CaidNetwork} is the
 * generator that DiRA reuses.
 */
package io.cobench.baselines.caid;
