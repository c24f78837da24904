package io.cobench.benchmark.model;

import io.cobench.graph.GraphContext;
import io.cobench.graph.Layers;
import io.cobench.graph.ResNet;
import io.cobench.graph.ResNetConfig;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import io.cobench.benchmark.data.Split;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A U-Net on the ResNet encoder, as segmentation_models' Unet builds it: five decoder stages,
 * each a nearest x2 upsampling, concatenation with the encoder map of that resolution (stem,
 * layer1..3; the last stage has none), and two conv3x3-BN-ReLU; then a conv3x3 to one logit per
 * pixel.
 *
 * @param decoderChannels output channels of the five stages, deepest first
 */
public record UNet(ResNetConfig encoder, List<Integer> decoderChannels) implements NetRecipe {

    public UNet {
        if (decoderChannels.size() != 5) {
            throw new IllegalArgumentException("U-Net needs 5 decoder stages, got " + decoderChannels);
        }
        decoderChannels = List.copyOf(decoderChannels);
    }

    @Override
    public NetGraph build(GraphContext.Mode encoderMode, GraphContext.Mode headMode, long seed) {
        SameDiff sd = SameDiff.create();
        GraphContext root = GraphContext.create(sd, headMode, seed);
        int s = encoder.imageSize();
        SDVariable x = sd.placeHolder("image", DataType.FLOAT, -1, encoder.channels(), s, s);
        SDVariable y = sd.placeHolder("mask", DataType.FLOAT, -1, 1, s, s);
        ResNet.Features f = ResNet.build(root.withMode(encoderMode).scope(EncoderWeights.SCOPE), x, encoder);
        int w = encoder.width();
        // Skips from fine to coarse resolution that the stages meet, deepest stage first.
        String[] skips = {stageOutput(3), stageOutput(2), stageOutput(1), EncoderWeights.SCOPE + "/stem/relu", null};
        int[] skipChannels = {4 * w, 2 * w, w, w, 0};
        GraphContext dec = root.scope("decoder");
        SDVariable h = f.map();
        int cin = f.channels();
        for (int i = 0; i < 5; i++) {
            GraphContext st = dec.scope("stage" + i);
            h = Layers.upsample2x(st, "up", h);
            if (skips[i] != null) {
                SDVariable skip = sd.getVariable(skips[i]);
                if (skip == null) {
                    throw new IllegalStateException("encoder output '" + skips[i] + "' not found in the graph");
                }
                h = sd.concat(st.name("cat"), 1, h, skip);
            }
            int cout = decoderChannels.get(i);
            h = convBnRelu(st, "conv1", h, cin + skipChannels[i], cout);
            h = convBnRelu(st, "conv2", h, cout, cout);
            cin = cout;
        }
        SDVariable logits = Layers.conv2dBias(dec, "head", h, cin, 1, 3, 1, 1);
        SDVariable prob = sd.nn().sigmoid("prob", logits);
        SDVariable loss = sd.loss().sigmoidCrossEntropy("loss", y, logits, null);
        sd.setLossVariables(loss.name());
        return new NetGraph(sd, root, x.name(), y.name(), logits.name(), prob.name(), loss.name(), f.map().name(),
                f.pooled().name());
    }

    @Override
    public INDArray targets(Split split, int[] rows) {
        return split.masks(rows);
    }

    /** The output of the last block of stage {@code stage} (1..4) of the encoder. */
    private String stageOutput(int stage) {
        int[] blocks = encoder.depth() == 18 ? new int[] {2, 2, 2, 2} : new int[] {3, 4, 6, 3};
        return EncoderWeights.SCOPE + "/layer" + stage + "/" + (blocks[stage - 1] - 1) + "/out";
    }

    static SDVariable convBnRelu(GraphContext ctx, String name, SDVariable x, int cin, int cout) {
        SDVariable h = Layers.conv2d(ctx, name + "/conv", x, cin, cout, 3, 1, 1);
        h = Layers.batchNorm2d(ctx, name + "/bn", h, cout);
        return Layers.relu(ctx, name + "/relu", h);
    }
}
