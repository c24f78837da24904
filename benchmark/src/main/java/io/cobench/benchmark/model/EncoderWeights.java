package io.cobench.benchmark.model;

import io.cobench.cli.UserError;
import io.cobench.graph.GraphContext;
import io.cobench.graph.ResNet;
import io.cobench.graph.ResNetConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The weights of an encoder under the scope {@value #SCOPE}: from a pretraining run's
 * encoder.sd, or freshly initialised for the supervised baseline. Downstream graphs build their
 * encoder under the same scope and take the weights over by name.
 */
public final class EncoderWeights {
    public static final String SCOPE = "encoder";

    private final Map<String, INDArray> arrays;
    private final String origin;

    private EncoderWeights(Map<String, INDArray> arrays, String origin) {
        this.arrays = Collections.unmodifiableMap(arrays);
        this.origin = origin;
    }

    /** Reads the encoder variables (including BN running statistics) from an encoder.sd file. */
    public static EncoderWeights load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserError("encoder file " + file + " does not exist");
        }
        SameDiff sd = SameDiff.load(file.toFile(), false);
        Map<String, INDArray> m = new LinkedHashMap<>();
        for (SDVariable v : sd.variables()) {
            if (v.name().startsWith(SCOPE + "/") && v.getVariableType() != VariableType.ARRAY
                    && v.getVariableType() != VariableType.PLACEHOLDER && v.getArr() != null) {
                m.put(v.name(), v.getArr().dup());
            }
        }
        if (m.isEmpty()) {
            throw new UserError("encoder file " + file + " holds no variables under '" + SCOPE + "/'");
        }
        return new EncoderWeights(m, file.toString());
    }

    /** A randomly initialised encoder, reproducible from {@code seed} (the "Sup." row). */
    public static EncoderWeights random(ResNetConfig cfg, long seed) {
        SameDiff sd = SameDiff.create();
        GraphContext ctx = GraphContext.create(sd, GraphContext.Mode.EVAL, seed).scope(SCOPE);
        SDVariable in = sd.placeHolder("image", DataType.FLOAT, -1, cfg.channels(), cfg.imageSize(), cfg.imageSize());
        ResNet.build(ctx, in, cfg);
        Map<String, INDArray> m = new LinkedHashMap<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                m.put(v.name(), v.getArr().dup());
            }
        }
        return new EncoderWeights(m, "random init, seed " + seed);
    }

    /** The encoder variables of a live graph, copied (a fine-tuned encoder, for Grad-CAM). */
    public static EncoderWeights of(SameDiff sd, String origin) {
        Map<String, INDArray> m = new LinkedHashMap<>();
        for (SDVariable v : sd.variables()) {
            if (v.name().startsWith(SCOPE + "/") && v.getVariableType() == VariableType.VARIABLE) {
                m.put(v.name(), v.getArr().dup());
            }
        }
        return new EncoderWeights(m, origin);
    }

    /** Where the weights came from (file or seed), for provenance. */
    public String origin() {
        return origin;
    }

    public Map<String, INDArray> arrays() {
        return arrays;
    }

    /**
     * Overwrites every variable under {@value #SCOPE}/ in {@code target} with the weight of the same
     * name. A variable without a counterpart, or with another shape, is an error: a silently
     * half-loaded encoder would corrupt the comparison.
     */
    public void copyInto(SameDiff target) {
        int copied = 0;
        for (SDVariable v : target.variables()) {
            if (!v.name().startsWith(SCOPE + "/") || v.getVariableType() == VariableType.ARRAY
                    || v.getVariableType() == VariableType.PLACEHOLDER) {
                continue;
            }
            INDArray src = arrays.get(v.name());
            if (src == null) {
                throw new UserError("encoder weights from " + origin + " lack variable '" + v.name()
                        + "' (was the encoder built with the same depth and width?)");
            }
            INDArray dst = v.getArr();
            if (!java.util.Arrays.equals(src.shape(), dst.shape())) {
                throw new UserError("encoder weights from " + origin + ": variable '" + v.name() + "' has shape "
                        + java.util.Arrays.toString(src.shape()) + ", the evaluation graph expects "
                        + java.util.Arrays.toString(dst.shape()));
            }
            dst.assign(src.castTo(dst.dataType()));
            copied++;
        }
        if (copied == 0) {
            throw new IllegalStateException("target graph has no variables under '" + SCOPE + "/'");
        }
    }
}
