/** The one training loop: per-variable updaters, schedules, EMA, checkpoints, progress and logs. */
package io.cobench.train;
