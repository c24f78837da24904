/** {@code cobench data check}: a dataset folder's contents and leakage figures, as text or JSON. */
package io.cobench.data.check;
