/** Run configuration as YAML: method, params, encoder, train and data sections, validated on load. */
package io.cobench.run;
