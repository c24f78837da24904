package io.cobench.coboom;

import io.cobench.data.pipeline.TwoViewTransform;
import io.cobench.graph.TwoViews;
import io.cobench.graph.SslOps;
import io.cobench.cli.UserError;
import io.cobench.graph.GraphContext;
import io.cobench.graph.Layers;
import io.cobench.graph.Mlp;
import io.cobench.graph.ResNet;
import io.cobench.graph.ResNetConfig;
import io.cobench.spi.EmaSpec;
import io.cobench.spi.OptimizerGroup;
import io.cobench.spi.ConfiguredMethod;
import io.cobench.spi.StepState;
import io.cobench.spi.TrainGraph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * CoBooM on the harness. Both view orders run as one batch of 2B: the online network sees
 * [x1; x2] and the target [x2; x1], so row i of z_theta faces the target of the other view of
 * the same image, and each term averaged over 2B rows is the mean of its two view orders.
 * Logged terms are the symmetrised sums (twice those means), so for the paper form
 * {@code loss = alpha (l1 + l2) + l_q + gamma l_r} holds for the logged numbers.
 *
 * <p>Names: {@code online/{encoder,projector,predictor}} with their EMA twins under
 * {@code target/}; {@code online/{diversifuse,fuse_projector,decoder}} (theta in the paper,
 * with no target twin); {@code quantizer/codebook}.
 */
public final class CoBooM extends ConfiguredMethod<CoBooMConfig> {
    /** Step output names the EMA codebook update reads. */
    static final String COUNTS = "quantizer/counts";
    static final String SUMS = "quantizer/sums";
    static final String FEATURES = "quantizer/features";
    /** Optimiser group of the codebook under {@code update: loss}. */
    public static final String CODEBOOK_GROUP = "codebook";


    public CoBooM(String name, CoBooMConfig cfg) {
        super(name, cfg);
    }

    @Override
    public String encoderScope() {
        return "online/encoder";
    }

    @Override
    public TrainGraph build(GraphContext ctx, ResNetConfig enc) {
        SameDiff sd = ctx.sd();
        int s = enc.imageSize();
        int c = enc.featureChannels();
        int m = enc.featureSize();
        if (cfg.diversiFuse().enabled() && c % cfg.diversiFuse().heads() != 0) {
            throw new UserError("coboom: diversiFuse.heads " + cfg.diversiFuse().heads()
                    + " does not divide the encoder's " + c + " feature channels (8 x width " + enc.width() + ")");
        }
        TwoViews views = TwoViews.declare(sd, enc);
        SDVariable both = views.both();
        SDVariable swapped = views.swapped(sd);

        GraphContext online = ctx.scope("online");
        ResNet.Features fo = ResNet.build(online.scope("encoder"), both, enc);
        SDVariable proj = Mlp.build(online.scope("projector"), fo.pooled(), c, cfg.projector());
        SDVariable z = Mlp.build(online.scope("predictor"), proj, cfg.projector().out(), cfg.predictor());

        GraphContext target = ctx.scope("target");
        ResNet.Features ft = ResNet.build(target.scope("encoder"), swapped, enc);
        SDVariable zPhi = SslOps.stopGradient(sd,
                Mlp.build(target.scope("projector"), ft.pooled(), c, cfg.projector()));

        // Target features carry no gradient: the target is an EMA, never trained by the loss.
        SDVariable source = cfg.quantize() == CoBooMConfig.Source.TARGET
                ? SslOps.stopGradient(sd, ft.map()) : fo.map();
        Quantizer.Output q = Quantizer.build(ctx.scope("quantizer"), source, c, m, m, cfg.quantizer());
        SDVariable fused = cfg.diversiFuse().enabled()
                ? DiversiFuse.build(online.scope("diversifuse"), q.quantized(), source, c, m, m, cfg.diversiFuse().heads())
                : q.quantized();
        GraphContext fp = online.scope("fuse_projector");
        SDVariable zPrime = Mlp.build(fp, Layers.gap(fp, "pool", fused), c, cfg.fuseProjector());
        if (cfg.stopGradFused()) {
            zPrime = SslOps.stopGradient(sd, zPrime);
            // Nothing else reaches p_theta, nor DiversiFuse without a decoder: they stay as initialised.
            freeze(ctx, fp.prefix());
            if (!cfg.decoder().enabled()) {
                freeze(ctx, online.scope("diversifuse").prefix());
            }
        }

        Map<String, String> terms = new LinkedHashMap<>();
        SDVariable l1 = SslOps.regression(sd, "loss/l1_mean", z, zPhi, SslOps.RowNorm.RSQRT).mul("loss/l1", 2.0);
        SDVariable l2 = SslOps.regression(sd, "loss/l2_mean", z, zPrime, SslOps.RowNorm.RSQRT).mul("loss/l2", 2.0);
        SDVariable lcb = q.codebookLoss().mul("loss/l_cb", 2.0);
        SDVariable lce = q.commitmentLoss().mul("loss/l_ce", 2.0);
        // Under EMA updates nothing trains on l_cb; it is logged only.
        SDVariable lq = cfg.quantizer().update() == QuantizerConfig.Update.LOSS
                ? lcb.add("loss/l_q", lce.mul(cfg.quantizer().beta()))
                : lce.mul("loss/l_q", cfg.quantizer().beta());
        SDVariable lr = null;
        if (cfg.decoder().enabled()) {
            SDVariable clean = TwoViews.image(sd, TwoViewTransform.TARGET, enc);
            SDVariable recon = Decoder.build(online.scope("decoder"), fused, c, m, s, enc.channels(), cfg.decoder());
            lr = SslOps.mse(sd, "loss/l_r_mean", recon, sd.concat(0, clean, clean)).mul("loss/l_r", 2.0);
        }
        SDVariable total = cfg.loss() == CoBooMConfig.LossForm.PAPER
                ? l1.add(l2).mul(cfg.alpha()).add(lq)
                : l1.add(l2).mul(0.25).add(lq.mul(0.5));
        if (lr != null) {
            total = total.add(lr.mul(cfg.loss() == CoBooMConfig.LossForm.PAPER ? cfg.gamma() : 0.5));
        }
        total = sd.identity("loss/total", total);

        terms.put("loss", total.name());
        terms.put("l1", l1.name());
        terms.put("l2", l2.name());
        terms.put("l_q", lq.name());
        terms.put("l_cb", lcb.name());
        terms.put("l_ce", lce.name());
        if (lr != null) {
            terms.put("l_r", lr.name());
        }
        Map<String, String> metrics = new LinkedHashMap<>();
        metrics.put("perplexity", q.perplexity().name());
        metrics.put("code_usage", q.usage().name());
        metrics.put("codebook_drift", q.drift().name());
        metrics.put("feature_spread", q.spread().name());
        List<String> stepOutputs = new ArrayList<>();
        if (cfg.quantizer().update() == QuantizerConfig.Update.EMA) {
            stepOutputs.add(checkName(q.counts(), COUNTS));
            stepOutputs.add(checkName(q.sums(), SUMS));
        }
        if (cfg.quantizer().init() == QuantizerConfig.Init.DATA) {
            stepOutputs.add(checkName(q.features(), FEATURES));
        }
        startTargetAsOnline(sd);
        List<OptimizerGroup> groups = new ArrayList<>();
        groups.add(OptimizerGroup.main(total.name()));
        if (cfg.quantizer().update() == QuantizerConfig.Update.LOSS) {
            // LARS would scale the codebook's step to eta ||E|| / ||g|| and decay it toward the
            // origin, away from the features it must match; the official code never lets LARS
            // move its codebook (it learns by EMA only), so it gets the run's SGD schedule plain.
            groups.add(OptimizerGroup.plain(CODEBOOK_GROUP, total.name(), "quantizer/"));
        }
        return new TrainGraph(terms, groups,
                List.of(new EmaSpec("online/", "target/", cfg.targetMomentum(), cfg.targetMomentumCosine())),
                metrics, stepOutputs);
    }

    /**
     * phi starts as a copy of theta, as in BYOL and the official code's
     * {@code _initializes_target_network}; only the EMA moves it afterwards.
     */
    private static void startTargetAsOnline(SameDiff sd) {
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == org.nd4j.autodiff.samediff.VariableType.VARIABLE && v.name().startsWith("target/")) {
                String online = "online/" + v.name().substring("target/".length());
                if (!sd.hasVariable(online)) {
                    throw new IllegalStateException("target variable " + v.name() + " has no online twin " + online);
                }
                sd.getArrForVarName(v.name()).assign(sd.getArrForVarName(online));
            }
        }
    }

    private static void freeze(GraphContext ctx, String prefix) {
        for (SDVariable v : ctx.sd().variables()) {
            if (v.getVariableType() == org.nd4j.autodiff.samediff.VariableType.VARIABLE && v.name().startsWith(prefix)) {
                ctx.markNonTrainable(v.name());
            }
        }
    }

    private static String checkName(SDVariable v, String expected) {
        if (!v.name().equals(expected)) {
            throw new IllegalStateException("quantizer output is " + v.name() + ", afterStep reads " + expected);
        }
        return expected;
    }

    /**
     * EMA codebook updates, and the data initialisation after step 0 (the codebook that step
     * used is overwritten, whatever the optimiser did to it). The draw depends on the run seed
     * only, and a resumed run never repeats step 0, so resume does not re-initialise.
     */
    @Override
    public void afterStep(StepState state, Map<String, INDArray> outputs) {
        SameDiff sd = state.sd();
        INDArray codebook = sd.getArrForVarName("quantizer/" + Quantizer.CODEBOOK);
        boolean ema = cfg.quantizer().update() == QuantizerConfig.Update.EMA;
        if (ema) {
            EmaCodebook.update(codebook, sd.getArrForVarName("quantizer/" + Quantizer.EMA_COUNT),
                    sd.getArrForVarName("quantizer/" + Quantizer.EMA_SUM),
                    outputs.get(COUNTS), outputs.get(SUMS), cfg.quantizer().decay(), cfg.quantizer().eps());
        }
        if (cfg.quantizer().init() == QuantizerConfig.Init.DATA && state.step() == 0) {
            CodebookInit.fromData(codebook, outputs.get(FEATURES), new SplittableRandom(state.seed() ^ 0xC0DEB00CL));
            sd.getArrForVarName("quantizer/" + Quantizer.START).assign(codebook);
            if (ema) {
                INDArray count = sd.getArrForVarName("quantizer/" + Quantizer.EMA_COUNT);
                sd.getArrForVarName("quantizer/" + Quantizer.EMA_SUM).assign(codebook.mulColumnVector(count.reshape(-1, 1)));
            }
        }
    }
}
