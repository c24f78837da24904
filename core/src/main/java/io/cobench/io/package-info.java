/** File output that is never half-written, and the shared JSON/YAML mappers. */
package io.cobench.io;
