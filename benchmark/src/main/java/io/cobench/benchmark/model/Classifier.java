package io.cobench.benchmark.model;

import io.cobench.graph.GraphContext;
import io.cobench.graph.Layers;
import io.cobench.graph.ResNet;
import io.cobench.graph.ResNetConfig;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import io.cobench.benchmark.data.Split;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Encoder plus one linear layer with sigmoid outputs, trained with BCE (multi-label): the
 * fine-tuning network, and the linear probe's network when Grad-CAM needs it as a graph.
 */
public record Classifier(ResNetConfig encoder, int classes) implements NetRecipe {

    @Override
    public NetGraph build(GraphContext.Mode encoderMode, GraphContext.Mode headMode, long seed) {
        SameDiff sd = SameDiff.create();
        GraphContext root = GraphContext.create(sd, headMode, seed);
        SDVariable x = sd.placeHolder("image", DataType.FLOAT, -1, encoder.channels(), encoder.imageSize(),
                encoder.imageSize());
        SDVariable y = sd.placeHolder("labels", DataType.FLOAT, -1, classes);
        ResNet.Features f = ResNet.build(root.withMode(encoderMode).scope(EncoderWeights.SCOPE), x, encoder);
        SDVariable logits = Layers.linear(root.scope("head"), "fc", f.pooled(), f.channels(), classes, true);
        SDVariable prob = sd.nn().sigmoid("prob", logits);
        SDVariable loss = sd.loss().sigmoidCrossEntropy("loss", y, logits, null);
        sd.setLossVariables(loss.name());
        return new NetGraph(sd, root, x.name(), y.name(), logits.name(), prob.name(), loss.name(), f.map().name(),
                f.pooled().name());
    }

    @Override
    public INDArray targets(Split split, int[] rows) {
        float[][] y = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            y[i] = split.labels(rows[i]);
        }
        return Nd4j.createFromArray(y);
    }

    /** Name of the head's weight matrix [features, classes]. */
    public static String headWeights() {
        return "head/fc/W";
    }

    public static String headBias() {
        return "head/fc/b";
    }
}
