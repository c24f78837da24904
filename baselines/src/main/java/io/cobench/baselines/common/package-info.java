/** Loss pieces shared by the baselines (cosine regression, normalisation, stop-gradient). */
package io.cobench.baselines.common;
