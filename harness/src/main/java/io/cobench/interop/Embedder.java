package io.cobench.interop;

import io.cobench.graph.GraphContext;
import io.cobench.graph.ResNet;
import io.cobench.graph.ResNetConfig;
import io.cobench.train.EncoderExport;
import java.util.Arrays;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The encoder in eval mode (batch norm with its running statistics), mapping normalised images
 * [n, C, S, S] to globally average-pooled features [n, 8 x width]: the vector torchvision's resnet
 * hands to its {@code fc}.
 */
public final class Embedder {
    private static final String SCOPE = "encoder";

    private final ResNetConfig cfg;
    private final SameDiff sd;
    private final String input;
    private final String pooled;

    /** Builds the graph for {@code cfg} and copies {@code weights} (named {@code encoder/...}) into it. */
    public Embedder(ResNetConfig cfg, Map<String, INDArray> weights) {
        this.cfg = cfg;
        sd = SameDiff.create();
        GraphContext ctx = GraphContext.create(sd, GraphContext.Mode.EVAL, 0).scope(SCOPE);
        SDVariable x = sd.placeHolder("image", DataType.FLOAT, -1, cfg.channels(), cfg.imageSize(), cfg.imageSize());
        ResNet.Features f = ResNet.build(ctx, x, cfg);
        input = x.name();
        pooled = f.pooled().name();
        EncoderExport.load(weights, sd, SCOPE);
    }

    public ResNetConfig config() {
        return cfg;
    }

    /** Features of one batch; {@code batch} must be float32 [n, C, S, S] for this encoder. */
    public INDArray embed(INDArray batch) {
        long[] want = {batch.size(0), cfg.channels(), cfg.imageSize(), cfg.imageSize()};
        if (batch.rank() != 4 || !Arrays.equals(batch.shape(), want) || batch.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("embed needs float32 [n, " + cfg.channels() + ", " + cfg.imageSize()
                    + ", " + cfg.imageSize() + "], got " + batch.dataType() + " " + Arrays.toString(batch.shape()));
        }
        return sd.output(Map.of(input, batch), pooled).get(pooled).dup();
    }
}
