package io.cobench.baselines.dira;

import io.cobench.graph.SslOps;
import io.cobench.baselines.caid.CaidNetwork;
import io.cobench.baselines.caid.CaidConfig;
import io.cobench.data.pipeline.ViewTransform;
import io.cobench.data.views.CaidViews;
import io.cobench.graph.GraphContext;
import io.cobench.graph.PatchGan;
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
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DiRA: generator loss NCE + 10 MSE + 0.001 MSE(D(rec), 1); discriminator loss
 * 1/2 [MSE(D(y), 1) + MSE(D(sg rec), 0)]. Two optimiser groups are stepped in turn each
 * iteration: the generator (the run's optimiser) and then {@code disc/} (its own Adam), each after
 * a fresh forward pass.
 *
 * <p>The harness sums the gradients of both losses, so each group must receive gradient from its
 * own loss only: the discriminator's loss sees the reconstruction through stop-gradient, and the
 * generator's adversarial term sees the discriminator's weights through stop-gradient.
 *
 * <p>The reference trains the discriminator on the reconstruction computed before the generator
 * step; here the fresh forward pass gives the reconstruction after it.
 */
public final class Dira extends ConfiguredMethod<DiraConfig> {
    public static final String DISC = "disc/";
    static final String ADV_GATE = "dira_adversarial_gate";

    private CaidNetwork.Parts parts;

    public Dira(String name, DiraConfig cfg) {
        super(name, cfg);
    }

    @Override
    public String encoderScope() {
        return "online/encoder";
    }

    @Override
    public Optional<ViewTransform> customViews(ResNetConfig encoder) {
        return Optional.of(new CaidViews(cfg.generator().views(), encoder.channels(), encoder.imageSize()));
    }

    @Override
    public void checkBatchSize(int batchSize) {
        CaidConfig.checkKeyBnGroups("dira", batchSize, cfg.generator().keyBnGroups());
    }

    @Override
    public TrainGraph build(GraphContext ctx, ResNetConfig enc) {
        SameDiff sd = ctx.sd();
        parts = CaidNetwork.build(ctx, enc, cfg.generator());
        PatchGan d = PatchGan.create(ctx.scope("disc"), 1, cfg.discWidth());
        SDVariable real = d.apply("real", parts.target(), false);
        SDVariable fake = d.apply("fake", SslOps.stopGradient(sd, parts.reconstruction()), false);
        SDVariable judged = d.apply("judged", parts.reconstruction(), true);
        SDVariable adv = DiraLosses.generator(sd, "adv", judged);
        // 0 during the DiR stage, 1 after: a zero loss gives the discriminator zero gradients, so
        // Adam leaves it untouched, and the generator sees no adversarial term.
        SDVariable gate = sd.placeHolder(ADV_GATE, DataType.FLOAT);
        SDVariable disc = DiraLosses.discriminator(sd, "disc_raw", real, fake).mul(gate).rename("disc_loss");
        SDVariable loss = parts.nce().mul(cfg.generator().nceWeight())
                .add(parts.mse().mul(cfg.generator().mseWeight()))
                .add(adv.mul(gate).mul(cfg.advWeight())).rename("loss");
        Map<String, String> terms = new LinkedHashMap<>();
        terms.put("loss", loss.name());
        terms.put("nce", parts.nce().name());
        terms.put("mse", parts.mse().name());
        terms.put("adv", adv.name());
        terms.put("disc", disc.name());
        List<OptimizerGroup> groups = List.of(new OptimizerGroup("generator", loss.name(), "", null),
                new OptimizerGroup("discriminator", disc.name(), DISC, cfg.discOptimizer()));
        return new TrainGraph(terms, groups,
                List.of(new EmaSpec(CaidNetwork.ONLINE, CaidNetwork.KEY, cfg.generator().keyMomentum(), false)),
                Map.of(), List.of(parts.key().name()));
    }

    @Override
    public Map<String, INDArray> extraInputs(StepState state) {
        return Map.of(ADV_GATE, Nd4j.scalar(adversarial(state.epoch()) ? 1f : 0f));
    }

    /** Whether the adversarial stage (DiRA proper) has begun at zero-based {@code epoch}. */
    boolean adversarial(long epoch) {
        return epoch >= cfg.dirEpochs();
    }

    @Override
    public void afterStep(StepState state, Map<String, INDArray> outputs) {
        parts.queue().enqueue(state.sd(), outputs.get(parts.key().name()));
    }
}
