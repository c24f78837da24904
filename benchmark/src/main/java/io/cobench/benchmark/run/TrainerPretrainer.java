package io.cobench.benchmark.run;

import io.cobench.benchmark.grid.GridConfig;
import io.cobench.benchmark.grid.PretrainKey;
import io.cobench.data.Sample;
import io.cobench.data.pipeline.ImageCache;
import io.cobench.data.pipeline.ImageStore;
import io.cobench.data.pipeline.ImageU8;
import io.cobench.data.pipeline.PrefetchBatchSource;
import io.cobench.data.pipeline.TwoViewConfig;
import io.cobench.data.pipeline.TwoViewTransform;
import io.cobench.data.pipeline.ViewTransform;
import io.cobench.run.DataConfig;
import io.cobench.run.RunConfig;
import io.cobench.spi.SslMethod;
import io.cobench.train.TrainConfig;
import io.cobench.train.Trainer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pretrains a grid's encoders with the harness trainer: the method's preset run config, with the
 * grid's shared settings (epochs, batch, image cap, encoder) and the unit's domain and seed put
 * in. A run interrupted part-way resumes from its last checkpoint.
 */
public final class TrainerPretrainer implements Pretrainer {
    private final MethodCatalog methods;
    private final StoreData data;
    private final PrintStream console;
    private final boolean progress;

    public TrainerPretrainer(MethodCatalog methods, StoreData data, PrintStream console, boolean progress) {
        this.methods = methods;
        this.data = data;
        this.console = console;
        this.progress = progress;
    }

    /** The preset with the grid's shared settings and the unit's domain and seed. */
    public static RunConfig runConfig(RunConfig preset, PretrainKey key, GridConfig grid, String root) {
        TrainConfig t = preset.train();
        TrainConfig train = new TrainConfig(grid.pretrain().epochs(), 0, grid.pretrain().batchSize(), key.seed(),
                t.optimizer(), t.checkpointEvery(), t.logEvery(), t.gcEvery());
        DataConfig d = new DataConfig(key.domain().pretrainDataset(), root, grid.pretrain().maxImages(),
                preset.data().workers());
        return new RunConfig(preset.method(), preset.params(), grid.encoder(), train, d);
    }

    @Override
    public void pretrain(PretrainKey key, GridConfig grid, Path runDir) {
        String dataset = key.domain().pretrainDataset();
        RunConfig rc = runConfig(methods.preset(key.method()), key, grid, data.root(dataset).toString());
        SslMethod method = methods.registry().create(key.method(), rc.params());
        StoreData.PretrainImages imgs = data.pretrainImages(dataset, grid.pretrain().maxImages());
        ViewTransform views = method.customViews(rc.encoder()).orElseGet(() ->
                new TwoViewTransform(TwoViewConfig.coboom().withOutputChannels(rc.encoder().channels())));
        ImageStore pool = subset(imgs.cache(), imgs.samples());
        Map<String, Object> fingerprint = new LinkedHashMap<>();
        fingerprint.put("dataset", dataset);
        fingerprint.put("root", imgs.index().root().toString());
        fingerprint.put("images", imgs.samples().size());
        fingerprint.put("cache", imgs.cache().fingerprint());
        fingerprint.put("normalization", grid.data().normalization());
        try (PrefetchBatchSource src = new PrefetchBatchSource(pool, imgs.cache().channels(), imgs.cache().size(), views,
                data.normalization(), new PrefetchBatchSource.Config(rc.train().batchSize(), rc.train().seed(),
                        rc.data().workers(), 2), null)) {
            Trainer trainer = new Trainer(method, rc.encoder(), rc.train(),
                    rc.resolved(methods.registry().resolveConfig(key.method(), rc.params())));
            // resume=true also starts a fresh run when no checkpoint exists yet.
            trainer.run(src, runDir, new Trainer.Options(true, 0, progress), fingerprint, console);
        }
    }

    /** The pretraining images of the cache, in the pool's order. */
    static ImageStore subset(ImageCache cache, List<Sample> samples) {
        int[] idx = new int[samples.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = cache.indexOf(samples.get(i).id());
            if (idx[i] < 0) {
                throw new IllegalStateException("pretraining image " + samples.get(i).id() + " is not in the cache");
            }
        }
        return new ImageStore() {
            @Override
            public int count() {
                return idx.length;
            }

            @Override
            public String id(int index) {
                return samples.get(index).id();
            }

            @Override
            public ImageU8 image(int index) {
                return cache.image(idx[index]);
            }
        };
    }
}
