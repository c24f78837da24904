/**
 * DiRA (Haghighi et al., CVPR 2022): CAiD's discriminative and restorative generator plus a
 * PatchGAN discriminator trained adversarially with LSGAN losses and its own Adam optimiser.
 */
package io.cobench.baselines.dira;
