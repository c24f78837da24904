/** What the baselines share beyond the harness: a second forward pass through existing weights. */
package io.cobench.baselines.common;
