package io.cobench.baselines.caid;

import io.cobench.data.views.CaidViewConfig;
import io.cobench.graph.MlpConfig;
import io.cobench.graph.UNetDecoder;
import java.util.List;

/**
 * CAiD's network, loss and views.
 *
 * @param head query/key head on the pooled encoder features (MoCo-v2: Linear-ReLU-Linear to 128;
 *             the hidden width is the encoder's channel count, 512 at paper scale)
 * @param queueSize negative keys in the queue (65536 at paper scale)
 * @param temperature InfoNCE temperature (0.2)
 * @param keyMomentum constant EMA momentum of the key encoder (0.999)
 * @param nceWeight weight of InfoNCE (1)
 * @param mseWeight weight of the restoration MSE (10)
 * @param decoderChannels widths of the five U-Net decoder blocks (256, 128, 64, 32, 16)
 * @param views the view pipeline
 * @param keyBnGroups the key encoder's batch norm is computed over this many equal sub-batches, as
 *                    MoCo computes it per GPU on a shuffled batch (4 GPUs in the reference); 1 turns
 *                    the emulation off. The batch size must be a multiple of it
 */
public record CaidConfig(MlpConfig head, int queueSize, double temperature, double keyMomentum, double nceWeight,
                         double mseWeight, List<Integer> decoderChannels, CaidViewConfig views, int keyBnGroups) {
    public CaidConfig {
        if (keyBnGroups < 1) {
            throw new IllegalArgumentException("caid: keyBnGroups must be >= 1, got " + keyBnGroups);
        }
        if (head == null || views == null) {
            throw new IllegalArgumentException("caid: head and views are required");
        }
        if (head.bn() || head.lastBn()) {
            throw new IllegalArgumentException("caid: the MoCo-v2 head has no batch norm (head.bn and head.lastBn must be false)");
        }
        if (queueSize < 1) {
            throw new IllegalArgumentException("caid: queueSize must be >= 1, got " + queueSize);
        }
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("caid: temperature must be > 0, got " + temperature);
        }
        if (!(keyMomentum >= 0 && keyMomentum < 1)) {
            throw new IllegalArgumentException("caid: keyMomentum must be in [0,1), got " + keyMomentum);
        }
        if (!(nceWeight >= 0 && mseWeight >= 0)) {
            throw new IllegalArgumentException("caid: nceWeight and mseWeight must be >= 0, got " + nceWeight + ", " + mseWeight);
        }
        if (decoderChannels == null || decoderChannels.size() != 5 || decoderChannels.stream().anyMatch(c -> c < 1)) {
            throw new IllegalArgumentException("caid: decoderChannels must be 5 positive widths, got " + decoderChannels);
        }
        decoderChannels = List.copyOf(decoderChannels);
    }

    public static CaidConfig paper() {
        return new CaidConfig(new MlpConfig(2, 512, 128, false, false), 65536, 0.2, 0.999, 1.0, 10.0,
                UNetDecoder.PAPER_CHANNELS, CaidViewConfig.paper(), 4);
    }

    /** The key encoder's batch norm splits each batch into {@code groups} equal sub-batches. */
    public static void checkKeyBnGroups(String method, int batchSize, int groups) {
        if (batchSize % groups != 0) {
            throw new io.cobench.cli.UserError(method + ": train.batchSize " + batchSize + " is not a multiple of keyBnGroups "
                    + groups + " (the key encoder's batch norm runs over that many equal sub-batches, as MoCo's "
                    + "shuffle-BN over " + groups + " devices)");
        }
    }
}
