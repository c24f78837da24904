/** ND4J start-up: backend and device report, and the refusal of GPUs the M2.1 kernels cannot run. */
package io.cobench.engine;
