package io.cobench.baselines.supervised;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * "Sup." has no parameters of its own: its encoder is the harness's ResNet at random
 * initialisation, seeded by the run's seed, and all its training happens in the downstream
 * protocols. The annotation lets Jackson write the empty record as {@code {}}.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record SupervisedConfig() {
}
