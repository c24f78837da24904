/** The supervised baseline "Sup.": a random-initialised encoder that skips pretraining. */
package io.cobench.baselines.supervised;
