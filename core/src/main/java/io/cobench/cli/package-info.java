/**
 * The {@code cobench} command line: the entry point and the SPI through which modules contribute
 * subcommands, so that no central list must be edited.
 */
package io.cobench.cli;
