package io.cobench.benchmark.protocol;

import io.cobench.benchmark.metrics.Metrics;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What one protocol produced on the test split: per-sample predictions with their truth, and
 * how the model was trained and selected.
 *
 * @param classes classification: column order of {@code probs}/{@code labels}
 * @param probs classification: [n][classes] probabilities, else null
 * @param labels classification: [n][classes] 0/1, else null
 * @param dice segmentation: pixel counts per test image, else null
 * @param masks segmentation: predicted 0/1 masks [n, 1, H, W], else null
 * @param truth segmentation: the true 0/1 masks at the same size, else null; stored beside the
 *              predictions so that the cell's Dice can be recomputed from its files alone
 * @param encoder classification: the encoder the head sits on (fine-tuned or frozen), for Grad-CAM
 * @param head classification: the chosen linear layer, for Grad-CAM
 * @param spectrum linear probing: the spread of the frozen encoder's test features, else null
 */
public record Outcome(List<String> classes, List<String> testIds, float[][] probs, float[][] labels,
                      List<Metrics.DiceCounts> dice, INDArray masks, INDArray truth, io.cobench.benchmark.model.EncoderWeights encoder,
                      LinearProbe.Head head, TrainingLog training, FeatureSpectrum spectrum) {
    public Outcome {
        classes = List.copyOf(classes);
        testIds = List.copyOf(testIds);
        dice = dice == null ? null : List.copyOf(dice);
    }

    public boolean segmentation() {
        return dice != null;
    }
}
