/** BYOL, the first method on the SPI and the worked example for new baselines. */
package io.cobench.baselines.byol;
