/**
 * The method SPI: a method is one {@link io.cobench.spi.SslMethod} class, one config record and
 * one {@link io.cobench.spi.MethodProvider} found through ServiceLoader.
 */
package io.cobench.spi;
