package io.cobench.spi;

import java.util.List;
import java.util.Map;

/**
 * What a method's {@code build} hands to the harness.
 *
 * @param lossTerms term name to graph variable name, in logging order; must contain
 *                  {@code "loss"}, the total the first optimiser minimises
 * @param optimizers one or more groups stepped in order every iteration
 * @param ema target variables that follow online ones (empty for methods without a target)
 * @param metrics extra scalar graph outputs to log (name to variable name)
 * @param stepOutputs further outputs that {@link SslMethod#afterStep} needs each step
 */
public record TrainGraph(Map<String, String> lossTerms, List<OptimizerGroup> optimizers, List<EmaSpec> ema,
                         Map<String, String> metrics, List<String> stepOutputs) {
    public TrainGraph {
        if (!lossTerms.containsKey("loss")) {
            throw new IllegalArgumentException("lossTerms must contain the total 'loss', got " + lossTerms.keySet());
        }
        if (optimizers.isEmpty()) {
            throw new IllegalArgumentException("at least one optimizer group is needed");
        }
        lossTerms = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(lossTerms));
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
        optimizers = List.copyOf(optimizers);
        ema = List.copyOf(ema);
        stepOutputs = List.copyOf(stepOutputs);
    }

    /** The common case: one optimiser on everything trainable, named "main". */
    public static TrainGraph simple(Map<String, String> lossTerms, List<EmaSpec> ema, Map<String, String> metrics) {
        return new TrainGraph(lossTerms, List.of(OptimizerGroup.main(lossTerms.get("loss"))), ema, metrics, List.of());
    }
}
