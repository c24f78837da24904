/** Speed benchmarks that print one JSON line each, comparable with the PyTorch reference. */
package io.cobench.perf;
