package io.cobench.spi;


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
 * <p>Groups that minimise the same loss variable are differentiated together in one pass, as
 * parameter groups of one optimiser are: their gradients come from the same forward pass, and
 * none of them sees another's update within the step.
 *
 * @param optimizer the group's own optimiser, or null to use the run's configured one
 * @param plain with a null {@code optimizer}: step this group with the run's learning rate,
 *              schedule and momentum as plain SGD, without LARS's trust ratio and without weight
 *              decay (for parameters such as a codebook, whose scale the trust ratio and decay
 *              would fight)
 */
public record OptimizerGroup(String name, String lossVariable, String scopePrefix, OptimizerConfig optimizer,
                             boolean plain) {
    public OptimizerGroup {
        if (plain && optimizer != null) {
            throw new IllegalArgumentException("optimizer group '" + name + "': plain applies to the run's optimiser, "
                    + "not to a group's own");
        }
    }

    public OptimizerGroup(String name, String lossVariable, String scopePrefix, OptimizerConfig optimizer) {
        this(name, lossVariable, scopePrefix, optimizer, false);
    }

    public static OptimizerGroup main(String lossVariable) {
        return new OptimizerGroup("main", lossVariable, "", null);
    }

    /** A group on the run's optimiser made plain (see {@code plain}). */
    public static OptimizerGroup plain(String name, String lossVariable, String scopePrefix) {
        return new OptimizerGroup(name, lossVariable, scopePrefix, null, true);
    }
}
