/** The five datasets in their real on-disk layouts: loaders, splits, subsets and checks. */
package io.cobench.data;
