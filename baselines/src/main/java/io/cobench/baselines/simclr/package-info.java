/** SimCLR: projector, L2 normalisation and the NT-Xent loss built from ops with a working M2.1 backward. */
package io.cobench.baselines.simclr;
