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
import io.cobench.train.ConfigDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
                preset.data().workers()).withCropScaleMin(preset.data().cropScaleMin());
        return new RunConfig(preset.method(), preset.params(), grid.encoder(), train, d);
    }

    /**
     * The preset fields the grid replaces for a run ({@code encoder.imageSize: 64 -> 32}), in field
     * order; the data location is left out, since a preset names none for the grid's data.
     */
    public static List<String> overrides(RunConfig preset, RunConfig run, Record methodConfig) {
        List<String> out = new ArrayList<>();
        for (String d : ConfigDiff.diff(preset.resolved(methodConfig), run.resolved(methodConfig), Set.of())) {
            if (!d.startsWith("data.root")) {
                out.add(d);
            }
        }
        return out;
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
        RunConfig preset = methods.preset(key.method());
        RunConfig rc = runConfig(preset, key, grid, root.toString());
        Record mcfg = methods.registry().resolveConfig(key.method(), rc.params());
        List<String> overridden = overrides(preset, rc, mcfg);
        if (!overridden.isEmpty() && console != null) {
            console.println("note: grid " + grid.name() + " sets " + key.runId() + " apart from preset "
                    + key.method() + ".yaml: " + String.join("; ", overridden));
        }
        SslMethod method = methods.registry().provider(key.method()).create(key.method(), mcfg);
        PretrainData.Prepared prepared = PretrainData.prepare(method, rc.encoder(), rc, root, cacheDir,
                BadImagePolicy.fail(), null);
        try (var src = prepared.source()) {
            // resume=true also starts a fresh run when no checkpoint exists yet.
            new Trainer(method, rc.encoder(), rc.train(), rc.resolved(mcfg)).recording("grid_overrides", overridden)
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
