package io.cobench.baselines.swav;

import io.cobench.graph.SslOps;
import io.cobench.baselines.common.SharedPass;
import io.cobench.data.pipeline.ViewTransform;
import io.cobench.graph.GraphContext;
import io.cobench.graph.Mlp;
import io.cobench.graph.ResNet;
import io.cobench.graph.ResNetConfig;
import io.cobench.spi.OptimizerGroup;
import io.cobench.spi.ConfiguredMethod;
import io.cobench.spi.StepState;
import io.cobench.spi.TrainGraph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * SwAV (Caron et al. 2020): embeddings are scored against K learnable prototypes; Sinkhorn-Knopp
 * turns each large crop's scores into balanced codes, which the other crops must predict.
 *
 * <p>Prototypes are unit vectors: initialised so and re-normalised after every step. Freezing
 * them for the first steps multiplies their gradient by a gate placeholder that is 0 during the
 * freeze (the forward value stays W exactly: W*g + sg(W)*(1-g)). A zero gradient leaves only the
 * optimiser's weight decay, a uniform shrink of the whole matrix that the re-normalisation undoes,
 * so frozen prototypes keep their values; an extra optimiser group with lr 0 would need its own
 * forward pass per step, and restoring a copy would let momentum collect the frozen gradients.
 */
public final class Swav extends ConfiguredMethod<SwavConfig> {
    static final String PROTOTYPES = "swav/prototypes";
    static final String QUEUE = "swav/queue";
    static final String EMBEDDING = "swav/embedding";
    static final String PROTOTYPE_GATE = "swav_prototype_gate";
    static final String QUEUE_GATE = "swav_queue_gate";


    public Swav(String name, SwavConfig cfg) {
        super(name, cfg);
    }

    @Override
    public Optional<ViewTransform> customViews(ResNetConfig encoder) {
        if (cfg.multiCrop().small() == 0) {
            return Optional.empty();
        }
        return Optional.of(new MultiCropViews(cfg.multiCrop(), encoder.channels(), encoder.imageSize()));
    }

    @Override
    public TrainGraph build(GraphContext ctx, ResNetConfig enc) {
        SameDiff sd = ctx.sd();
        int s = enc.imageSize();
        int crops = cfg.multiCrop().crops();
        int k = cfg.prototypes();
        int d = cfg.projector().out();
        int ss = cfg.multiCrop().smallSize(s);
        List<SDVariable> views = new ArrayList<>();
        List<String> names = MultiCropViews.names(cfg.multiCrop().small());
        for (int v = 0; v < names.size(); v++) {
            int px = v < 2 ? s : ss;
            views.add(sd.placeHolder(names.get(v), DataType.FLOAT, -1, enc.channels(), px, px));
        }
        SDVariable pooled;
        int featureChannels;
        if (ss == s) {
            SDVariable all = sd.concat("views", 0, views.toArray(SDVariable[]::new));
            ResNet.Features f = ResNet.build(ctx.scope("encoder"), all, enc);
            pooled = f.pooled();
            featureChannels = f.channels();
        } else {
            // As the reference's forward: one encoder pass per resolution (each with its own BN
            // statistics), the pooled features concatenated crop-major, then one projector.
            SDVariable large = sd.concat("views_large", 0, views.subList(0, 2).toArray(SDVariable[]::new));
            SDVariable small = sd.concat("views_small", 0, views.subList(2, views.size()).toArray(SDVariable[]::new));
            ResNet.Features f = ResNet.build(ctx.scope("encoder"), large, enc);
            ResNetConfig smallEnc = new ResNetConfig(enc.depth(), enc.width(), enc.channels(), ss);
            ResNet.Features fs = SharedPass.build(ctx, "pass_small", 1,
                    c -> ResNet.build(c.scope("encoder"), small, smallEnc));
            pooled = sd.concat("pooled_crops", 0, f.pooled(), fs.pooled());
            featureChannels = f.channels();
        }
        SDVariable h = Mlp.build(ctx.scope("projector"), pooled, featureChannels, cfg.projector());
        SDVariable z = sd.identity(EMBEDDING, SslOps.unitRows(sd, h));

        SDVariable w = ctx.scope("swav").uniformFanIn("prototypes", d, d, k);
        normaliseColumns(w.getArr());
        SDVariable gate = sd.placeHolder(PROTOTYPE_GATE, DataType.FLOAT);
        SDVariable frozenW = SslOps.stopGradient(sd, w);
        SDVariable gatedW = w.mul(gate).add(frozenW.mul(gate.rsub(1.0)));
        SDVariable scores = z.mmul(gatedW);

        // Codes come from the two large crops only, without gradient.
        SDVariable detached = SslOps.stopGradient(sd, scores);
        SDVariable largeScores = crops == 2 ? detached.reshape(2, -1, k)
                : sd.constant("swav/large_crops", Nd4j.eye(crops).getRows(0, 1).castTo(detached.dataType()))
                        .mmul(detached.reshape(crops, -1)).reshape(2, -1, k);
        SDVariable queueScores = null;
        SDVariable queueGate = null;
        List<String> stepOutputs = new ArrayList<>();
        if (cfg.queue().enabled()) {
            SDVariable queue = ctx.scope("swav").state("queue",
                    Nd4j.zeros(Nd4j.defaultFloatingPointType(), 2, cfg.queue().length(), d));
            queueScores = queue.reshape(2L * cfg.queue().length(), d).mmul(frozenW).reshape(2, cfg.queue().length(), k);
            queueGate = sd.placeHolder(QUEUE_GATE, DataType.FLOAT);
            stepOutputs.add(EMBEDDING);
        }
        SDVariable codes = Sinkhorn.codes(sd, largeScores, queueScores, queueGate, cfg.sinkhornEps(),
                cfg.sinkhornIterations());
        SDVariable loss = SwappedPrediction.loss(sd, "loss", scores, codes, SslOps.batchCount(sd, views.get(0)), crops,
                cfg.temperature());
        return new TrainGraph(Map.of("loss", loss.name()),
                List.of(OptimizerGroup.main(loss.name())), List.of(), Map.of(), stepOutputs);
    }

    @Override
    public Map<String, INDArray> extraInputs(StepState state) {
        Map<String, INDArray> m = new LinkedHashMap<>();
        m.put(PROTOTYPE_GATE, Nd4j.scalar(prototypesFrozen(state.step()) ? 0f : 1f));
        if (cfg.queue().enabled()) {
            boolean use = state.epoch() >= cfg.queue().startEpoch()
                    && EmbeddingQueue.full(state.sd().getArrForVarName(QUEUE));
            m.put(QUEUE_GATE, Nd4j.scalar(use ? 1f : 0f));
        }
        return m;
    }

    @Override
    public void afterStep(StepState state, Map<String, INDArray> outputs) {
        normaliseColumns(state.sd().getArrForVarName(PROTOTYPES));
        if (cfg.queue().enabled() && state.epoch() >= cfg.queue().startEpoch()) {
            EmbeddingQueue.push(state.sd().getArrForVarName(QUEUE), outputs.get(EMBEDDING), cfg.multiCrop().crops());
        }
    }

    boolean prototypesFrozen(long step) {
        return step < cfg.freezePrototypesSteps();
    }

    /** Prototype k is column k of the [D, K] weight; each becomes a unit vector, in place. */
    static void normaliseColumns(INDArray w) {
        w.diviRowVector(w.norm2(0));
    }
}
