package io.cobench.benchmark.grid;

import java.util.List;

/**
 * Settings of the downstream protocols (configs/eval/*.yaml).
 *
 * @param linear the linear probe on frozen features (official: AdamW 3e-3, B = 128)
 * @param finetune encoder plus linear layer (official: AdamW 1e-4, B = 128, clip 1.0)
 * @param segmentation the SIIM U-Net
 * @param ceiling the supervised ceiling's training on NIH labels (encoder plus linear layer, from
 *                random initialisation); needed only by grids that list the {@code supervised} control
 */
public record EvalSpec(TrainSpec linear, TrainSpec finetune, SegmentationSpec segmentation, TrainSpec ceiling) {
    public EvalSpec {
        GridConfig.require(linear, "eval.linear");
        GridConfig.require(finetune, "eval.finetune");
        GridConfig.require(segmentation, "eval.segmentation");
        if (linear.hflip() != 0) {
            // Features are extracted once per cell (FeatureCache), so there is no per-step image to flip.
            throw new IllegalArgumentException("eval.linear.hflip must be 0: the linear probe trains on features "
                    + "extracted once, got " + linear.hflip());
        }
    }

    /**
     * @param linear frozen encoder, decoder trained
     * @param finetune everything trained
     * @param threshold probability above which a pixel is foreground (0.5 in GLoRIA/MGCA)
     * @param decoderChannels output channels of the five decoder stages, deepest first
     */
    public record SegmentationSpec(TrainSpec linear, TrainSpec finetune, double threshold,
                                   List<Integer> decoderChannels) {
        public SegmentationSpec {
            GridConfig.require(linear, "eval.segmentation.linear");
            GridConfig.require(finetune, "eval.segmentation.finetune");
            GridConfig.require(decoderChannels, "eval.segmentation.decoderChannels");
            if (!(threshold > 0 && threshold < 1)) {
                throw new IllegalArgumentException("eval.segmentation.threshold must be in (0,1), got " + threshold);
            }
            if (decoderChannels.size() != 5 || decoderChannels.stream().anyMatch(c -> c == null || c < 1)) {
                throw new IllegalArgumentException("eval.segmentation.decoderChannels needs 5 positive entries "
                        + "(one per upsampling stage), got " + decoderChannels);
            }
            decoderChannels = List.copyOf(decoderChannels);
        }
    }

    /** The spec that trains {@code protocol} on a dataset of {@code task}. */
    public TrainSpec training(Protocol protocol, Downstream.Task task) {
        if (task == Downstream.Task.SEGMENTATION) {
            return protocol == Protocol.LINEAR ? segmentation.linear() : segmentation.finetune();
        }
        return protocol == Protocol.LINEAR ? linear : finetune;
    }
}
