package io.cobench.interop;

import io.cobench.graph.GraphContext;
import io.cobench.graph.ResNet;
import io.cobench.graph.ResNetConfig;
import io.cobench.io.AtomicFiles;
import io.cobench.train.EncoderExport;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Run directories and inputs for the interop tests, with encoders whose batch norms are not at their initial values. */
final class TestRuns {
    private TestRuns() {
    }

    /**
     * An encoder graph of {@code cfg} whose BN parameters and running statistics are random: at
     * their initial values (gamma 1, beta 0, mean 0, var 1) an error in their naming or use
     * would go unseen.
     */
    static SameDiff randomEncoder(ResNetConfig cfg, long seed) {
        SameDiff sd = SameDiff.create();
        GraphContext ctx = GraphContext.create(sd, GraphContext.Mode.EVAL, seed).scope("encoder");
        SDVariable x = sd.placeHolder("image", DataType.FLOAT, -1, cfg.channels(), cfg.imageSize(), cfg.imageSize());
        ResNet.build(ctx, x, cfg);
        SplittableRandom rng = new SplittableRandom(seed);
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() != VariableType.VARIABLE) {
                continue;
            }
            INDArray a = v.getArr();
            float[] r = new float[(int) a.length()];
            for (int i = 0; i < r.length; i++) {
                String n = v.name();
                r[i] = (float) (n.endsWith("/running_var") ? rng.nextDouble(0.5, 2.0)
                        : n.endsWith("/running_mean") ? rng.nextDouble(-0.5, 0.5)
                        : n.endsWith("/gamma") ? rng.nextDouble(0.6, 1.4)
                        : n.endsWith("/beta") ? rng.nextDouble(-0.3, 0.3)
                        : a.getDouble(i));
            }
            if (!v.name().endsWith("/W")) {
                a.assign(Nd4j.createFromArray(r).reshape(a.shape()));
            }
        }
        return sd;
    }

    /** Writes a finished-run directory (config.yaml, provenance.json, encoder.sd) for {@code sd}'s encoder. */
    static Path writeRun(Path dir, ResNetConfig cfg, SameDiff sd) {
        AtomicFiles.writeString(dir.resolve("config.yaml"), "method: test\nencoder: {depth: " + cfg.depth()
                + ", width: " + cfg.width() + ", channels: " + cfg.channels() + ", imageSize: " + cfg.imageSize() + "}\n");
        AtomicFiles.writeString(dir.resolve("provenance.json"),
                "{\"data\": {\"normalization\": {\"mean\": [0.5], \"std\": [0.5]}}}\n");
        EncoderExport.write(sd, "encoder", dir.resolve("encoder.sd"));
        return dir;
    }

    /** Standard normal input [n, C, S, S], reproducible from {@code seed}. */
    static INDArray input(ResNetConfig cfg, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] v = new float[n * cfg.channels() * cfg.imageSize() * cfg.imageSize()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (rng.nextGaussian());
        }
        return Nd4j.create(v, new long[] {n, cfg.channels(), cfg.imageSize(), cfg.imageSize()}, DataType.FLOAT);
    }

    static Map<String, INDArray> weights(SameDiff sd) {
        return EncoderExport.extract(sd, "encoder");
    }
}
