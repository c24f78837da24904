/** Test helpers published in the harness test-jar: gradient checks and the method-contract test. */
package io.cobench.testing;
