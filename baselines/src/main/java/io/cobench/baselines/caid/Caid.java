package io.cobench.baselines.caid;

import io.cobench.data.pipeline.ViewTransform;
import io.cobench.data.views.CaidViews;
import io.cobench.graph.GraphContext;
import io.cobench.graph.ResNetConfig;
import io.cobench.spi.EmaSpec;
import io.cobench.spi.OptimizerGroup;
import io.cobench.spi.ConfiguredMethod;
import io.cobench.spi.StepState;
import io.cobench.spi.TrainGraph;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * CAiD: loss = nceWeight * InfoNCE(q, k, queue) + mseWeight * MSE(decoder(x_q), y). After each
 * step the batch's keys enter the queue; the key network follows the query network by EMA with
 * constant momentum.
 */
public final class Caid extends ConfiguredMethod<CaidConfig> {
    private CaidNetwork.Parts parts;

    public Caid(String name, CaidConfig cfg) {
        super(name, cfg);
    }

    @Override
    public String encoderScope() {
        return "online/encoder";
    }

    @Override
    public Optional<ViewTransform> customViews(ResNetConfig encoder) {
        return Optional.of(new CaidViews(cfg.views(), encoder.channels(), encoder.imageSize()));
    }

    @Override
    public void checkBatchSize(int batchSize) {
        CaidConfig.checkKeyBnGroups("caid", batchSize, cfg.keyBnGroups());
    }

    @Override
    public TrainGraph build(GraphContext ctx, ResNetConfig enc) {
        parts = CaidNetwork.build(ctx, enc, cfg);
        SDVariable loss = parts.nce().mul(cfg.nceWeight()).add(parts.mse().mul(cfg.mseWeight())).rename("loss");
        Map<String, String> terms = new LinkedHashMap<>();
        terms.put("loss", loss.name());
        terms.put("nce", parts.nce().name());
        terms.put("mse", parts.mse().name());
        return new TrainGraph(terms, List.of(OptimizerGroup.main(loss.name())),
                List.of(new EmaSpec(CaidNetwork.ONLINE, CaidNetwork.KEY, cfg.keyMomentum(), false)), Map.of(),
                List.of(parts.key().name()));
    }

    @Override
    public void afterStep(StepState state, Map<String, INDArray> outputs) {
        parts.queue().enqueue(state.sd(), outputs.get(parts.key().name()));
    }
}
