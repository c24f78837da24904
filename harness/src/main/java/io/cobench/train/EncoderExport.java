package io.cobench.train;

import io.cobench.io.AtomicFiles;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Moves encoder weights between graphs by name: a pretraining run exports the variables under
 * its encoder scope (weights and BN running statistics) renamed to {@code encoder/...}; an
 * evaluation graph built with the same ResNet config under any scope takes them over.
 */
public final class EncoderExport {
    public static final String SCOPE = "encoder/";

    private EncoderExport() {
    }

    /** The variables under {@code scope}, renamed to start with {@code encoder/}. */
    public static Map<String, INDArray> extract(SameDiff sd, String scope) {
        String prefix = scope.endsWith("/") ? scope : scope + "/";
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE && v.name().startsWith(prefix)) {
                out.put(SCOPE + v.name().substring(prefix.length()), sd.getArrForVarName(v.name()).dup());
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no variables under encoder scope '" + scope + "'");
        }
        return out;
    }

    public static void write(SameDiff sd, String scope, Path file) {
        Map<String, INDArray> vars = extract(sd, scope);
        AtomicFiles.write(file, out -> {
            SameDiff holder = SameDiff.create();
            vars.forEach(holder::var);
            holder.save(out, false);
        });
    }

    public static Map<String, INDArray> read(Path file) {
        SameDiff holder = SameDiff.load(file.toFile(), false);
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (SDVariable v : holder.variables()) {
            out.put(v.name(), holder.getArrForVarName(v.name()));
        }
        return out;
    }

    /**
     * Copies {@code weights} (named {@code encoder/...}) into the variables of {@code sd} under
     * {@code scope}. Every variable of the target encoder must be found, and shapes must agree.
     */
    public static void load(Map<String, INDArray> weights, SameDiff sd, String scope) {
        String prefix = scope.endsWith("/") ? scope : scope + "/";
        int copied = 0;
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() != VariableType.VARIABLE || !v.name().startsWith(prefix)) {
                continue;
            }
            String key = SCOPE + v.name().substring(prefix.length());
            INDArray w = weights.get(key);
            if (w == null) {
                throw new IllegalStateException("pretrained encoder lacks " + key + " (needed by " + v.name() + ")");
            }
            INDArray target = sd.getArrForVarName(v.name());
            if (!java.util.Arrays.equals(target.shape(), w.shape())) {
                throw new IllegalStateException("shape mismatch for " + key + ": pretrained "
                        + java.util.Arrays.toString(w.shape()) + ", graph " + java.util.Arrays.toString(target.shape()));
            }
            target.assign(w);
            copied++;
        }
        if (copied == 0) {
            throw new IllegalStateException("graph has no variables under '" + scope + "' to load into");
        }
    }

}
