package io.cobench.baselines.swav;

import io.cobench.graph.MlpConfig;

/**
 * SwAV's heads, codes and options.
 *
 * @param projector encoder features to the embedding (512 -> 2048 -> BN -> ReLU -> 128), then L2-normalised
 * @param prototypes K, the number of prototype vectors (3000; scale down for small data)
 * @param temperature of the softmax over prototype scores (0.1)
 * @param sinkhornEps entropic regularisation of the codes (0.05)
 * @param sinkhornIterations Sinkhorn-Knopp iterations (3)
 * @param freezePrototypesSteps the prototypes get no update during the first this many steps (the
 *                              reference's freeze_prototypes_niters: one epoch, 5005 at batch 256;
 *                              the paper preset uses one NIH epoch at batch 64)
 * @param queue queue of past embeddings (the paper preset: 3840 from epoch 15, as the reference at batch 256)
 * @param multiCrop small crops (the paper preset: 6, as the reference)
 */
public record SwavConfig(MlpConfig projector, int prototypes, double temperature, double sinkhornEps,
                         int sinkhornIterations, long freezePrototypesSteps, QueueConfig queue,
                         MultiCropConfig multiCrop) {
    public SwavConfig {
        if (projector == null || queue == null || multiCrop == null) {
            throw new IllegalArgumentException("swav: projector, queue and multiCrop are required");
        }
        if (prototypes < 2) {
            throw new IllegalArgumentException("swav: prototypes must be >= 2, got " + prototypes);
        }
        if (!(temperature > 0) || !(sinkhornEps > 0)) {
            throw new IllegalArgumentException("swav: temperature and sinkhornEps must be > 0, got "
                    + temperature + ", " + sinkhornEps);
        }
        if (sinkhornIterations < 1) {
            throw new IllegalArgumentException("swav: sinkhornIterations must be >= 1, got " + sinkhornIterations);
        }
        if (freezePrototypesSteps < 0) {
            throw new IllegalArgumentException("swav: freezePrototypesSteps must be >= 0, got " + freezePrototypesSteps);
        }
    }

    public static SwavConfig paper() {
        return new SwavConfig(new MlpConfig(2, 2048, 128, true, false), 3000, 0.1, 0.05, 3, 1351,
                new QueueConfig(3840, 15), new MultiCropConfig(6, 0.14, 0.05, 0.14, 96));
    }
}
