package io.cobench.spi;

import io.cobench.train.OptimizerConfig;

/**
 * Parameters stepped together by one optimiser on one loss.
 *
 * <p>Groups are stepped in order within an iteration, each after a fresh forward pass, so a
 * second group sees the first one's update (GAN-style alternation). All groups' losses are
 * registered as loss variables of one graph, whose gradients SameDiff sums: a group's parameters
 * must therefore get gradient only from its own loss (use stop-gradient across groups).
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
