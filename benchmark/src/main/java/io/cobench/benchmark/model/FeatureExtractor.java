package io.cobench.benchmark.model;

import io.cobench.benchmark.data.Split;
import io.cobench.graph.GraphContext;
import io.cobench.graph.ResNet;
import io.cobench.graph.ResNetConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A frozen encoder in eval mode (BN running statistics): pooled features for the linear probe
 * and last feature maps for Grad-CAM. One graph serves every encoder; weights are swapped in.
 */
public final class FeatureExtractor {
    private final SameDiff sd;
    private final String input;
    private final String map;
    private final String pooled;

    public FeatureExtractor(ResNetConfig cfg) {
        sd = SameDiff.create();
        GraphContext ctx = GraphContext.create(sd, GraphContext.Mode.EVAL, 0).scope(EncoderWeights.SCOPE);
        SDVariable x = sd.placeHolder("image", DataType.FLOAT, -1, cfg.channels(), cfg.imageSize(), cfg.imageSize());
        ResNet.Features f = ResNet.build(ctx, x, cfg);
        input = x.name();
        map = f.map().name();
        pooled = f.pooled().name();
    }

    /** Loads {@code weights}; later calls extract with them. */
    public void use(EncoderWeights weights) {
        weights.copyInto(sd);
    }

    /** Pooled features [n, channels] of every row of {@code split}. */
    public INDArray pooled(Split split, int batch) {
        return run(split, batch, pooled);
    }

    /** Last feature maps [n, channels, h, w] of {@code rows}. */
    public INDArray maps(Split split, int[] rows) {
        return sd.output(Map.of(input, split.images(rows)), map).get(map).dup();
    }

    private INDArray run(Split split, int batch, String out) {
        List<INDArray> parts = new ArrayList<>();
        for (int from = 0; from < split.size(); from += batch) {
            int[] rows = Split.range(from, Math.min(split.size(), from + batch));
            parts.add(sd.output(Map.of(input, split.images(rows)), out).get(out).dup());
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("split is empty");
        }
        return parts.size() == 1 ? parts.get(0) : Nd4j.concat(0, parts.toArray(new INDArray[0]));
    }
}
