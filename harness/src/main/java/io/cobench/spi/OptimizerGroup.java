package io.cobench.spi;

import io.cobench.train.OptimizerConfig;

/**
 * Parameters stepped together by one optimiser on one loss.
 *
 * @param name group name, used in logs and checkpoint state
 * @param lossVariable graph variable this group minimises
 * @param scopePrefix the group's parameters are the trainable variables whose names start with
 *                    this; the empty string means every trainable variable not claimed by another group
 * @param optimizer the group's own optimiser, or null to use the run's configured one
 */
public record OptimizerGroup(String name, String lossVariable, String scopePrefix, OptimizerConfig optimizer) {
    public static OptimizerGroup main(String lossVariable) {
        return new OptimizerGroup("main", lossVariable, "", null);
    }
}
