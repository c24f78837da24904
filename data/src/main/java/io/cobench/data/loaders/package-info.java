/** Which loader reads which dataset, with the defaults the benchmark uses. */
package io.cobench.data.loaders;
