package io.cobench.benchmark.gradcam;

import io.cobench.benchmark.data.Split;
import io.cobench.benchmark.model.EncoderWeights;
import io.cobench.benchmark.protocol.LinearProbe;
import io.cobench.graph.GraphContext;
import io.cobench.graph.Layers;
import io.cobench.graph.ResNet;
import io.cobench.graph.ResNetConfig;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Grad-CAM of a classifier (encoder, global average pooling, linear layer) at the output of
 * encoder stage {@code layer}: {@code cam = ReLU(sum_k alpha_k A_k)} with {@code alpha_k} the
 * spatial mean of {@code d logit_c / d A_k}.
 *
 * <p>Two graphs: the encoder up to the stage gives A; a second graph holds the rest of the
 * network with A as a placeholder, so SameDiff differentiates the logit with respect to it, a
 * whole batch at once (eval-mode BN keeps the images independent). At the last stage the
 * gradient is {@code W[k,c] / (h w)} everywhere, which the tests check against.
 */
public final class GradCam {
    static final String INPUT = "cam/input";
    static final String SELECT = "cam/select";

    private final ResNetConfig cfg;
    private final int layer;
    private final SameDiff bottom;
    private final String bottomIn;
    private final String bottomOut;
    private final SameDiff top;
    private final String score;

    /**
     * @param layer encoder stage (1..4) whose output is explained; 4 is the usual last conv layer,
     *              lower stages give finer maps on tiny images
     */
    public GradCam(ResNetConfig cfg, int layer, int classes) {
        if (layer < 1 || layer > 4) {
            throw new IllegalArgumentException("Grad-CAM layer must be an encoder stage 1..4, got " + layer);
        }
        this.cfg = cfg;
        this.layer = layer;
        bottom = SameDiff.create();
        GraphContext b = GraphContext.create(bottom, GraphContext.Mode.EVAL, 0).scope(EncoderWeights.SCOPE);
        SDVariable x = bottom.placeHolder("image", DataType.FLOAT, -1, cfg.channels(), cfg.imageSize(),
                cfg.imageSize());
        ResNet.build(b, x, cfg);
        bottomIn = x.name();
        bottomOut = stageOutput(cfg, layer);

        top = SameDiff.create();
        GraphContext root = GraphContext.create(top, GraphContext.Mode.EVAL, 0);
        int w = cfg.width();
        int ch = w << (layer - 1);
        int size = cfg.imageSize() >> (layer + 1);
        SDVariable in = top.placeHolder(INPUT, DataType.FLOAT, -1, ch, size, size);
        // M2.1 differentiates only ops downstream of a variable; without one on the input's path
        // (the last stage feeds GAP directly) no gradient reaches the placeholder.
        SDVariable h = in.mul(top.var("cam/one", Nd4j.scalar(DataType.FLOAT, 1f)));
        int[] blocks = blocks(cfg);
        for (int stage = layer + 1; stage <= 4; stage++) {
            int cout = w << (stage - 1);
            for (int k = 0; k < blocks[stage - 1]; k++) {
                h = ResNet.basicBlock(root.scope(EncoderWeights.SCOPE + "/layer" + stage + "/" + k), h, ch, cout,
                        k == 0 ? 2 : 1);
                ch = cout;
            }
        }
        SDVariable pooled = Layers.gap(root, "pool", h);
        SDVariable logits = Layers.linear(root.scope("head"), "fc", pooled, ch, classes, true);
        SDVariable sel = top.placeHolder(SELECT, DataType.FLOAT, -1, classes);
        score = logits.mul(sel).sum().rename("cam/score").name();
        top.setLossVariables(score);
    }

    /** Loads the classifier to explain: its encoder and its linear layer. */
    public void use(EncoderWeights encoder, LinearProbe.Head head) {
        encoder.copyInto(bottom);
        // The top graph holds only the stages after the explained one; copy those by name.
        for (SDVariable v : top.variables()) {
            if (v.getVariableType() == org.nd4j.autodiff.samediff.VariableType.VARIABLE
                    && v.name().startsWith(EncoderWeights.SCOPE + "/")) {
                INDArray src = encoder.arrays().get(v.name());
                if (src == null) {
                    throw new IllegalStateException("encoder lacks " + v.name());
                }
                v.getArr().assign(src);
            }
        }
        top.getArrForVarName("head/fc/W").assign(head.w());
        top.getArrForVarName("head/fc/b").assign(head.b());
    }

    /** Maps [n, h, w] (before upsampling) of class {@code c} for {@code rows} of {@code split}. */
    public INDArray maps(Split split, int[] rows, int c) {
        INDArray a = bottom.output(Map.of(bottomIn, split.images(rows)), bottomOut).get(bottomOut);
        INDArray grad = gradient(a, c);
        // alpha_k: spatial mean of the gradient; cam = ReLU(sum_k alpha_k A_k).
        INDArray alpha = grad.mean(2, 3).reshape(a.size(0), a.size(1), 1, 1);
        INDArray cam = a.mul(alpha).sum(1);
        return org.nd4j.linalg.ops.transforms.Transforms.relu(cam, false);
    }

    /** The map [h, w] of class {@code c} for one row. */
    public INDArray map(Split split, int row, int c) {
        INDArray m = maps(split, new int[] {row}, c);
        return m.reshape(m.size(1), m.size(2));
    }

    /** d logit_c / d A for stage outputs {@code a} [n, K, h, w], each image's own logit. */
    INDArray gradient(INDArray a, int c) {
        INDArray sel = Nd4j.zeros(DataType.FLOAT, a.size(0), top.getVariable(SELECT).getShape()[1]);
        sel.getColumn(c).assign(1f);
        return top.calculateGradients(Map.of(INPUT, a, SELECT, sel), INPUT).get(INPUT).dup();
    }

    /** Output of stage {@code layer} of the bottom graph for {@code row} (for tests and overlays). */
    INDArray activations(Split split, int row) {
        return bottom.output(Map.of(bottomIn, split.images(new int[] {row})), bottomOut).get(bottomOut);
    }

    public int layer() {
        return layer;
    }

    public ResNetConfig encoder() {
        return cfg;
    }

    static String stageOutput(ResNetConfig cfg, int stage) {
        return EncoderWeights.SCOPE + "/layer" + stage + "/" + (blocks(cfg)[stage - 1] - 1) + "/out";
    }

    private static int[] blocks(ResNetConfig cfg) {
        return cfg.depth() == 18 ? new int[] {2, 2, 2, 2} : new int[] {3, 4, 6, 3};
    }
}
