/** Where every result came from: config, seeds, code version, engine, device and data fingerprint. */
package io.cobench.provenance;
