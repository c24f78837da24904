/**
 * ND4J start-up (backend and device report, the refusal of GPUs the M2.1 kernels cannot run) and
 * the execution session every SameDiff graph runs in: arrays recycled by graph liveness, and the
 * choice between oneDNN and libnd4j kernels where M2.1's oneDNN binding is slow.
 */
package io.cobench.engine;
