package io.cobench.graph;

import org.nd4j.autodiff.samediff.SDVariable;

/** ResNet-18/34 with BasicBlocks, as torchvision builds it: stem 7x7/2, max-pool 3/2, four stages. */
public final class ResNet {

    /** The encoder's outputs: the last feature map [N,C,h,w] and its global average [N,C]. */
    public record Features(SDVariable map, SDVariable pooled, int channels, int mapSize) {
    }

    private ResNet() {
    }

    /**
     * Builds the encoder on {@code input} [N,channels,size,size] in {@code ctx}'s scope. The graph
     * is the one {@link UNetDecoder#encoder} builds, which also keeps the stage outputs.
     */
    public static Features build(GraphContext ctx, SDVariable input, ResNetConfig cfg) {
        UNetDecoder.Stages s = UNetDecoder.encoder(ctx, input, cfg);
        return new Features(s.last(), s.pooled(), s.channels().get(s.channels().size() - 1), cfg.featureSize());
    }

    /** conv3x3-BN-ReLU-conv3x3-BN plus the shortcut (1x1 conv + BN when the shape changes), then ReLU. */
    public static SDVariable basicBlock(GraphContext ctx, SDVariable x, int cin, int cout, int stride) {
        SDVariable y = Layers.conv2d(ctx, "conv1", x, cin, cout, 3, stride, 1);
        y = Layers.batchNorm2d(ctx, "bn1", y, cout);
        y = Layers.relu(ctx, "relu1", y);
        y = Layers.conv2d(ctx, "conv2", y, cout, cout, 3, 1, 1);
        y = Layers.batchNorm2d(ctx, "bn2", y, cout);
        SDVariable shortcut = x;
        if (stride != 1 || cin != cout) {
            shortcut = Layers.conv2d(ctx, "down/conv", x, cin, cout, 1, stride, 0);
            shortcut = Layers.batchNorm2d(ctx, "down/bn", shortcut, cout);
        }
        return Layers.relu(ctx, "out", y.add(shortcut));
    }
}
