package io.cobench.coboom;

import io.cobench.graph.GraphContext;
import io.cobench.graph.Layers;
import org.nd4j.autodiff.samediff.SDVariable;

/** The decoder f'_theta: a feature map back to an image at input resolution (see {@link DecoderConfig}). */
public final class Decoder {
    private Decoder() {
    }

    /**
     * @param map [B,C,s,s] with {@code imageSize / s} a power of two
     * @return the reconstruction [B,imageChannels,imageSize,imageSize], unbounded (the target is normalised)
     */
    public static SDVariable build(GraphContext ctx, SDVariable map, int channels, int mapSize, int imageSize,
                                   int imageChannels, DecoderConfig cfg) {
        int factor = imageSize / mapSize;
        if (mapSize < 1 || imageSize % mapSize != 0 || Integer.bitCount(factor) != 1) {
            throw new IllegalArgumentException("decoder: image size " + imageSize + " is not a power-of-two multiple of map size " + mapSize);
        }
        int stages = Integer.numberOfTrailingZeros(factor);
        SDVariable x = map;
        int cin = channels;
        for (int i = 0; i < stages; i++) {
            String s = "up" + i;
            int cout = Math.max(cfg.minChannels(), channels >> (i + 1));
            x = cfg.upsample() == DecoderConfig.Upsample.NEAREST
                    ? Layers.upsample2x(ctx, s + "/up", x)
                    : Layers.deconv2x(ctx, s + "/up", x, cin, cin);
            x = Layers.conv2d(ctx, s + "/conv", x, cin, cout, 3, 1, 1);
            x = Layers.batchNorm2d(ctx, s + "/bn", x, cout);
            x = Layers.relu(ctx, s + "/relu", x);
            cin = cout;
        }
        return Layers.conv2dBias(ctx, "out", x, cin, imageChannels, 3, 1, 1);
    }
}
