package io.cobench.benchmark.protocol;

import java.util.List;

/**
 * How a head or network was trained, for provenance: the loss curve's ends and the model
 * selection trail.
 *
 * @param checkScores selection score (higher is better) at each validation check
 * @param bestCheck zero-based index of the chosen check
 * @param bestStep the optimiser step after which the chosen weights were taken
 */
public record TrainingLog(int steps, int batchSize, double firstLoss, double lastLoss, List<Double> checkScores,
                          int bestCheck, int bestStep) {
    public TrainingLog {
        checkScores = List.copyOf(checkScores);
    }

    static TrainingLog of(int steps, int batch, List<Double> losses, List<Double> scores, int bestCheck, int bestStep) {
        return new TrainingLog(steps, batch, losses.isEmpty() ? Double.NaN : losses.get(0),
                losses.isEmpty() ? Double.NaN : losses.get(losses.size() - 1), scores, bestCheck, bestStep);
    }
}
