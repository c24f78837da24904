package io.cobench.benchmark.run;

import io.cobench.benchmark.grid.Controls;
import io.cobench.benchmark.grid.Downstream;
import io.cobench.benchmark.grid.GridConfig;
import io.cobench.benchmark.protocol.Ceiling;
import io.cobench.benchmark.grid.PretrainKey;
import io.cobench.data.BadImagePolicy;
import io.cobench.run.DataConfig;
import io.cobench.run.PretrainData;
import io.cobench.run.RunConfig;
import io.cobench.spi.SslMethod;
import io.cobench.train.ConfigChangedError;
import io.cobench.train.NonFiniteException;
import io.cobench.train.TrainConfig;
import io.cobench.train.Trainer;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Pretrains a grid's encoders as {@code cobench pretrain} does (the harness's data preparation
 * and trainer), from the method's preset run config with the grid's shared settings (epochs,
 * batch, image cap, encoder) and the unit's domain and seed put in. A run interrupted part-way
 * resumes from its last checkpoint.
 */
public final class TrainerPretrainer implements Pretrainer {
    private final MethodCatalog methods;
    private final StoreData data;
    private final Path cacheDir;

    /** The trainer's own progress bar stays off: the grid's bar already covers the pretraining. */
    public TrainerPretrainer(MethodCatalog methods, StoreData data, Path cacheDir) {
        this.methods = methods;
        this.data = data;
        this.cacheDir = cacheDir;
    }

    /** The preset with the grid's shared settings and the unit's domain and seed. */
    public static RunConfig runConfig(RunConfig preset, PretrainKey key, GridConfig grid, String root) {
        TrainConfig t = preset.train();
        TrainConfig train = new TrainConfig(grid.pretrain().epochs(), 0, grid.pretrain().batchSize(), key.seed(),
                t.optimizer(), t.checkpointEvery(), t.logEvery(), t.gcEvery());
        DataConfig d = DataConfig.of(key.domain().pretrainDataset(), root, grid.pretrain().maxImages(),
                preset.data().workers());
        return new RunConfig(preset.method(), preset.params(), grid.encoder(), train, d);
    }

    @Override
    public void pretrain(PretrainKey key, GridConfig grid, Path runDir, PrintStream console) {
        if (Controls.CEILING.equals(key.method())) {
            // Short and deterministic: an interrupted ceiling starts again rather than resuming.
            io.cobench.benchmark.store.ResultsStore.begin(runDir);
            Ceiling.train(data.downstream(Downstream.NIH), grid.encoder(), grid.eval().ceiling(), key.seed(), runDir,
                    console);
            io.cobench.benchmark.store.ResultsStore.finish(runDir);
            return;
        }
        Path root = data.root(key.domain().pretrainDataset());
        RunConfig rc = runConfig(methods.preset(key.method()), key, grid, root.toString());
        Record mcfg = methods.registry().resolveConfig(key.method(), rc.params());
        SslMethod method = methods.registry().provider(key.method()).create(key.method(), mcfg);
        PretrainData.Prepared prepared = PretrainData.prepare(method, rc.encoder(), rc, root, cacheDir,
                BadImagePolicy.fail(), null);
        try (var src = prepared.source()) {
            // resume=true also starts a fresh run when no checkpoint exists yet.
            new Trainer(method, rc.encoder(), rc.train(), rc.resolved(mcfg))
                    .run(src, runDir, new Trainer.Options(true, 0, false), prepared.fingerprint(), console);
        } catch (ConfigChangedError e) {
            throw new io.cobench.cli.UserError("pretraining " + key.runId() + " in the store was started under another "
                    + "config: " + String.join("; ", e.differences()) + "; a grid never continues a run under other "
                    + "settings: use a new --store, or restore the grid config and its presets");
        } catch (NonFiniteException e) {
            throw new IllegalStateException("pretraining " + key.runId() + " diverged: " + e.getMessage(), e);
        }
    }
}
