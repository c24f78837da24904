/** VICReg: expander and the variance-invariance-covariance loss, each term logged on its own. */
package io.cobench.baselines.vicreg;
