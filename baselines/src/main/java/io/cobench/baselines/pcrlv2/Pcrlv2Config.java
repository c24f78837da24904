package io.cobench.baselines.pcrlv2;

import io.cobench.data.views.PcrlViewConfig;
import io.cobench.graph.UNetDecoder;
import java.util.List;

/**
 * PCRLv2's network and views. The loss has no weights to set: every term enters with weight 1,
 * the mask term with beta = 1/2 (1 + cos(pi epoch / E)) over the run's E epochs.
 *
 * @param decoderChannels widths of the five decoder blocks (256, 128, 64, 32, 16)
 * @param views the view pipeline (two global views, {@code views.localViews} local crops)
 */
public record Pcrlv2Config(List<Integer> decoderChannels, PcrlViewConfig views) {
    public Pcrlv2Config {
        if (decoderChannels == null || decoderChannels.size() != 5 || decoderChannels.stream().anyMatch(c -> c < 1)) {
            throw new IllegalArgumentException("pcrlv2: decoderChannels must be 5 positive widths, got " + decoderChannels);
        }
        if (views == null) {
            throw new IllegalArgumentException("pcrlv2: views are required");
        }
        decoderChannels = List.copyOf(decoderChannels);
    }

    public static Pcrlv2Config paper() {
        return new Pcrlv2Config(UNetDecoder.PAPER_CHANNELS, PcrlViewConfig.paper());
    }
}
