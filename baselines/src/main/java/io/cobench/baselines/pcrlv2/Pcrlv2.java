package io.cobench.baselines.pcrlv2;

import io.cobench.graph.TwoViews;
import io.cobench.graph.SslOps;
import io.cobench.baselines.common.SharedPass;
import io.cobench.data.pipeline.ViewTransform;
import io.cobench.data.views.PcrlViews;
import io.cobench.graph.GraphContext;
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
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * PCRLv2: loss = MSE(restoration(x1), y) + L_g + L_loc + beta MSE(mask_i(x1), y), where y is the
 * clean first view and i a decoder level drawn per step;
 * L_g = -1/2 [cos(pre1_i, sg pro2_i) + cos(pre2_i, sg pro1_i)] at level i, and L_loc averages the
 * same form between each global view and each local crop, each pair at its own random level.
 *
 * <p>Each view runs its own forward pass through the shared weights (as in the reference, so
 * batch statistics are per view); the local crops run as one batch. Random levels and beta enter
 * as inputs derived from (seed, step), so a resumed run draws the same levels.
 */
public final class Pcrlv2 extends ConfiguredMethod<Pcrlv2Config> {
    public static final String BETA = "pcrl_beta";
    public static final String LEVEL = "pcrl_level";
    public static final String LOCAL_LEVELS = "pcrl_local_levels";
    public static final int LEVELS = 5;


    public Pcrlv2(String name, Pcrlv2Config cfg) {
        super(name, cfg);
    }

    @Override
    public String encoderScope() {
        return "online/encoder";
    }

    @Override
    public Optional<ViewTransform> customViews(ResNetConfig encoder) {
        return Optional.of(new PcrlViews(cfg.views(), encoder.channels(), encoder.imageSize()));
    }

    @Override
    public TrainGraph build(GraphContext ctx, ResNetConfig enc) {
        SameDiff sd = ctx.sd();
        int s = enc.imageSize();
        int c = enc.channels();
        int n = cfg.views().localViews();
        int ls = PcrlViews.localSize(cfg.views(), s);
        SDVariable x1 = TwoViews.image(sd, PcrlViews.VIEW1, enc);
        SDVariable x2 = TwoViews.image(sd, PcrlViews.VIEW2, enc);
        SDVariable y = TwoViews.image(sd, PcrlViews.TARGET, enc);
        SDVariable beta = sd.placeHolder(BETA, DataType.FLOAT);
        SDVariable level = sd.placeHolder(LEVEL, DataType.FLOAT, LEVELS);

        List<Integer> dec = cfg.decoderChannels();
        Pcrlv2Network.Pass p1 = Pcrlv2Network.build(ctx.scope("online"), x1, enc, dec, true);
        Pcrlv2Network.Pass p2 = SharedPass.build(ctx, "pass_view2", 1,
                g -> Pcrlv2Network.build(g.scope("online"), x2, enc, dec, false));

        SDVariable rec = SslOps.mse(sd, "rec", p1.restoration(), y);
        SDVariable global = atLevel(sd, "global", levelLosses(sd, p1, p2), level);
        List<SDVariable> maskMse = new ArrayList<>();
        for (int i = 0; i < LEVELS; i++) {
            maskMse.add(SslOps.mse(sd, "mask_mse_" + i, p1.masks().get(i), y));
        }
        SDVariable mask = atLevel(sd, "mask_selected", sd.stack(0, maskMse.toArray(SDVariable[]::new)), level)
                .mul("mask", beta);
        SDVariable loss = rec.add(global).add(mask);

        Map<String, String> terms = new LinkedHashMap<>();
        if (n > 0) {
            SDVariable[] crops = new SDVariable[n];
            for (int j = 0; j < n; j++) {
                crops[j] = sd.placeHolder(PcrlViews.local(j), DataType.FLOAT, -1, c, ls, ls);
            }
            SDVariable locals = n == 1 ? crops[0] : sd.concat(0, crops);
            Pcrlv2Network.Pass pl = SharedPass.build(ctx, "pass_local", 2,
                    g -> Pcrlv2Network.build(g.scope("online"), locals, enc, dec, false));
            SDVariable localLevels = sd.placeHolder(LOCAL_LEVELS, DataType.FLOAT, 2L * n, LEVELS);
            SDVariable local = localLoss(sd, p1, p2, pl, n, localLevels, dec);
            loss = loss.add(local);
            terms.put("loss", loss.rename("loss").name());
            terms.put("rec", rec.name());
            terms.put("global", global.name());
            terms.put("local", local.name());
        } else {
            terms.put("loss", loss.rename("loss").name());
            terms.put("rec", rec.name());
            terms.put("global", global.name());
        }
        terms.put("mask", mask.name());
        return new TrainGraph(terms, List.of(OptimizerGroup.main("loss")), List.of(), Map.of(), List.of());
    }

    /** [5]: the symmetric negative cosine between two passes at every level. */
    private static SDVariable levelLosses(SameDiff sd, Pcrlv2Network.Pass a, Pcrlv2Network.Pass b) {
        SDVariable[] per = new SDVariable[LEVELS];
        for (int i = 0; i < LEVELS; i++) {
            per[i] = pairLoss(sd, a.pre().get(i), a.pro().get(i), b.pre().get(i), b.pro().get(i));
        }
        return sd.stack(0, per);
    }

    /** -1/2 [cos(preA, sg proB) + cos(preB, sg proA)], rows averaged. */
    static SDVariable pairLoss(SameDiff sd, SDVariable preA, SDVariable proA, SDVariable preB, SDVariable proB) {
        SDVariable ab = SslOps.meanCosine(sd, preA, SslOps.stopGradient(sd, proB));
        SDVariable ba = SslOps.meanCosine(sd, preB, SslOps.stopGradient(sd, proA));
        return ab.add(ba).mul(-0.5);
    }

    /**
     * The mean over the 2N (local crop j, global view g) pairs of their pair loss at each pair's
     * level; row 2j + g of {@code levels} [2N, 5] picks the level of crop j against global view g+1.
     * Per level, all crops are handled at once: the crop batch [N*B, c] is viewed as [N, B, c]
     * (the crops were stacked crop by crop) and compared with the [B, c] global outputs.
     */
    static SDVariable localLoss(SameDiff sd, Pcrlv2Network.Pass p1, Pcrlv2Network.Pass p2,
                                Pcrlv2Network.Pass pl, int n, SDVariable levels, List<Integer> dec) {
        Pcrlv2Network.Pass[] globals = {p1, p2};
        SDVariable[] perGlobal = new SDVariable[2];
        for (int g = 0; g < 2; g++) {
            SDVariable[] perLevel = new SDVariable[LEVELS];
            for (int i = 0; i < LEVELS; i++) {
                int c = dec.get(i);
                SDVariable proL = unit(pl.pro().get(i).reshape(n, -1, c), 2);
                SDVariable preL = unit(pl.pre().get(i).reshape(n, -1, c), 2);
                SDVariable preG = unit(globals[g].pre().get(i), 1);
                SDVariable proG = unit(globals[g].pro().get(i), 1);
                SDVariable a = SslOps.stopGradient(sd, proL).mul(preG).sum(2).mean(1);
                SDVariable b = preL.mul(SslOps.stopGradient(sd, proG)).sum(2).mean(1);
                perLevel[i] = a.add(b).mul(-0.5);
            }
            perGlobal[g] = sd.stack(1, perLevel);
        }
        // [N, 2, 5] flattened row-major gives row 2j + g.
        SDVariable pairs = sd.stack(1, perGlobal).reshape(2L * n, LEVELS);
        return pairs.mul(levels).sum().div("local", 2.0 * n);
    }

    /** Scaled to unit length along {@code axis}. */
    private static SDVariable unit(SDVariable x, int axis) {
        return x.div(x.norm2(true, axis).add(1e-12));
    }

    private static SDVariable atLevel(SameDiff sd, String name, SDVariable perLevel, SDVariable oneHot) {
        return perLevel.mul(oneHot).sum(name);
    }

    @Override
    public Map<String, INDArray> extraInputs(StepState state) {
        SplittableRandom r = new SplittableRandom(state.seed() * 0x9E3779B97F4A7C15L + state.step());
        Map<String, INDArray> m = new LinkedHashMap<>();
        m.put(BETA, Nd4j.scalar(DataType.FLOAT, beta(state.epoch(), state.totalEpochs())));
        INDArray level = Nd4j.zeros(DataType.FLOAT, LEVELS);
        level.putScalar(r.nextInt(LEVELS), 1);
        m.put(LEVEL, level);
        int n = cfg.views().localViews();
        if (n > 0) {
            INDArray local = Nd4j.zeros(DataType.FLOAT, 2L * n, LEVELS);
            for (int row = 0; row < 2 * n; row++) {
                local.putScalar(row, r.nextInt(LEVELS), 1);
            }
            m.put(LOCAL_LEVELS, local);
        }
        return m;
    }

    /** beta = 1/2 (1 + cos(pi epoch / E)): 1 at the start, 0 at the end. */
    public static double beta(long epoch, long totalEpochs) {
        return 0.5 * (1 + Math.cos(Math.PI * epoch / Math.max(1, totalEpochs)));
    }
}
