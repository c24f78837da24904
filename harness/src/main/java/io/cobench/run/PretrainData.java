package io.cobench.run;

import io.cobench.cli.UserError;
import io.cobench.data.DatasetIndex;
import io.cobench.data.loaders.Loaders;
import io.cobench.data.Sample;
import io.cobench.data.nih.NihLoader;
import io.cobench.batch.BatchSource;
import io.cobench.data.pipeline.ImageCache;
import io.cobench.data.pipeline.Normalization;
import io.cobench.batch.PrefetchBatchSource;
import io.cobench.data.pipeline.TwoViewConfig;
import io.cobench.data.pipeline.TwoViewTransform;
import io.cobench.data.pipeline.ViewTransform;
import io.cobench.graph.ResNetConfig;
import io.cobench.spi.SslMethod;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The images a pretraining run reads: the chest domain pretrains on NIH's official train_val
 * split (never on test images), the fundus domain on EyePACS train/. Images go through the
 * cache once, then through the method's view pipeline.
 */
public final class PretrainData {
    /** Grey or RGB values mapped to [-1, 1]; recorded in the run's data fingerprint. */
    public static final Normalization NORMALIZATION = Normalization.UNIT;

    /** The batch source and the facts that identify its data. */
    public record Prepared(BatchSource source, Map<String, Object> fingerprint) {
    }

    private PretrainData() {
    }

    /**
     * @param datasetRoot the dataset's own folder (e.g. .../nih), in its real layout
     * @param cacheDir where the preprocessing cache lives
     * @param policy what to do with an unreadable image (fail by default; skip lists it in the run record)
     */
    public static Prepared prepare(SslMethod method, ResNetConfig enc, RunConfig cfg, Path datasetRoot, Path cacheDir,
                                   io.cobench.data.BadImagePolicy policy, PrintStream console) {
        String ds = cfg.data().dataset();
        DatasetIndex index = Loaders.forName(ds).load(datasetRoot);
        List<Sample> pool = ds.equals("nih") ? index.split(NihLoader.TRAIN_VAL) : index.samples();
        List<Sample> missing = pool.stream().filter(s -> !index.found().contains(s)).toList();
        if (!missing.isEmpty()) {
            throw new UserError(ds + " at " + datasetRoot + ": " + missing.size() + " of " + pool.size()
                    + " pretraining images are listed but missing, e.g. "
                    + missing.stream().limit(5).map(Sample::id).toList());
        }
        if (cfg.data().limit() > 0 && pool.size() > cfg.data().limit()) {
            pool = pool.subList(0, cfg.data().limit());
        }
        if (pool.size() < cfg.train().batchSize()) {
            throw new UserError(ds + " at " + datasetRoot + ": " + pool.size() + " pretraining images, fewer than "
                    + "one batch of " + cfg.train().batchSize());
        }
        Path cacheFile = ImageCache.file(cacheDir, ds, "pretrain", datasetRoot, enc.imageSize(), enc.channels());
        ImageCache cache = ImageCache.open(cacheFile, ImageCache.Source.of(pool),
                new ImageCache.Spec(enc.imageSize(), enc.channels(), policy,
                        cfg.data().workers(), console != null));
        if (console != null && !cache.skipped().isEmpty()) {
            console.println(skipSummary(cache.skipped()));
        }
        ViewTransform views = views(method, enc, cfg.data());
        BatchSource src = PrefetchBatchSource.of(cache, views, NORMALIZATION,
                new PrefetchBatchSource.Config(cfg.train().batchSize(), cfg.train().seed(), cfg.data().workers(), 2));
        Map<String, Object> fp = new LinkedHashMap<>();
        fp.put("dataset", ds);
        fp.put("root", datasetRoot.toAbsolutePath().toString());
        fp.put("split", ds.equals("nih") ? NihLoader.TRAIN_VAL : "train");
        fp.put("images", pool.size());
        fp.put("cache_fingerprint", cache.fingerprint());
        fp.put("views", views.getClass().getSimpleName());
        if (cfg.data().cropScaleMin() != null) {
            fp.put("crop_scale_min", cfg.data().cropScaleMin());
        }
        fp.put("bad_image_policy", policy.skips() ? "skip" : "fail");
        fp.put("skipped_images", cache.skipped());
        fp.put("normalization", Map.of("mean", NORMALIZATION.mean(), "std", NORMALIZATION.std()));
        return new Prepared(src, fp);
    }

    /**
     * The method's own views, or the shared two-view pipeline (official CoBooM augmentations) with
     * the config's smallest crop. A method with views of its own refuses {@code data.cropScaleMin}
     * rather than ignore it: its crops follow its own paper.
     */
    public static ViewTransform views(SslMethod method, ResNetConfig enc, DataConfig data) {
        var own = method.customViews(enc);
        if (own.isPresent()) {
            if (data.cropScaleMin() != null) {
                throw new UserError("data.cropScaleMin: " + method.getClass().getSimpleName() + " builds its own views ("
                        + own.get().getClass().getSimpleName() + "), which do not read it; remove the field");
            }
            return own.get();
        }
        TwoViewConfig v = TwoViewConfig.coboom().withOutputChannels(enc.channels()).withOutputSize(enc.imageSize());
        return new TwoViewTransform(data.cropScaleMin() == null ? v : v.withScaleMin(data.cropScaleMin()));
    }

    /**
     * The console's line about images left out by {@code --on-bad-image skip}: how many and the
     * first few, so a user sees a damaged dataset without opening provenance.json.
     */
    static String skipSummary(List<String> skipped) {
        int shown = Math.min(5, skipped.size());
        return "skipped " + skipped.size() + " unreadable image" + (skipped.size() == 1 ? "" : "s")
                + " (--on-bad-image skip): " + String.join(", ", skipped.subList(0, shown))
                + (skipped.size() > shown ? " and " + (skipped.size() - shown) + " more" : "")
                + "; all are listed in provenance.json under data.skipped_images";
    }
}
