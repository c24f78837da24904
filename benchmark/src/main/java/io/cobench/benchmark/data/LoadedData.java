package io.cobench.benchmark.data;

import io.cobench.benchmark.grid.Downstream;
import io.cobench.cli.UserError;
import io.cobench.data.DatasetIndex;
import io.cobench.data.PatientSubsets;
import io.cobench.data.Sample;
import io.cobench.data.pipeline.ImageCache;
import io.cobench.data.pipeline.Normalization;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A downstream dataset from its loader's index and the image cache. The labelled pool is the
 * official training split (NIH train_val, SIIM train, MuReD train, ODIR train) and the test split
 * the held-out one the paper reports on (NIH test, SIIM val, MuReD val, ODIR test).
 *
 * <p>Label subsets are nested and patient-aware ({@link PatientSubsets#nested}), computed over
 * the fixed fraction list {@link #NESTING} plus any other fraction asked for, so a subset does
 * not depend on which other fractions a grid lists. Model-selection validation is carved from
 * each subset by whole patients.
 */
public final class LoadedData implements DownstreamData {
    /** The paper's label fractions; subsets are nested along them. */
    public static final List<Integer> NESTING = List.of(1, 5, 10, 30, 100);

    private final Downstream dataset;
    private final DatasetIndex index;
    private final ImageCache cache;
    private final Normalization norm;
    private final CachedSplit.MaskSource masks;
    private final List<FindingBox> boxes;
    private final double valFraction;
    private final List<Sample> pool;
    private final CachedSplit test;
    private final TreeSet<Integer> fractions = new TreeSet<>(NESTING);
    private final Map<Long, Map<Integer, List<Sample>>> nested = new HashMap<>();
    private final Map<String, PatientSubsets.Carve> carves = new HashMap<>();

    public LoadedData(Downstream dataset, DatasetIndex index, ImageCache cache, Normalization norm,
                      CachedSplit.MaskSource masks, List<FindingBox> boxes, double valFraction, List<Integer> extraFractions) {
        this.dataset = dataset;
        this.index = index;
        this.cache = cache;
        this.norm = norm;
        this.masks = masks;
        this.boxes = List.copyOf(boxes);
        this.valFraction = valFraction;
        this.pool = index.split(poolSplit(dataset));
        this.test = new CachedSplit(index.split(testSplit(dataset)), cache, norm, masks);
        fractions.addAll(extraFractions);
    }

    /** The loader's split that holds the labelled training pool. */
    public static String poolSplit(Downstream d) {
        return d == Downstream.NIH ? "train_val" : "train";
    }

    /** The loader's split the paper reports on. */
    public static String testSplit(Downstream d) {
        return switch (d) {
            case NIH, ODIR -> "test";
            case SIIM, MURED -> "val";
        };
    }

    @Override
    public Downstream dataset() {
        return dataset;
    }

    @Override
    public List<String> classes() {
        return index.classes();
    }

    @Override
    public Split train(int fraction, long seed) {
        return new CachedSplit(carve(fraction, seed).rest(), cache, norm, masks);
    }

    @Override
    public Split val(int fraction, long seed) {
        return new CachedSplit(carve(fraction, seed).heldOut(), cache, norm, masks);
    }

    @Override
    public Split test() {
        return test;
    }

    @Override
    public List<FindingBox> boxes() {
        return boxes;
    }

    private synchronized PatientSubsets.Carve carve(int fraction, long seed) {
        if (!fractions.contains(fraction)) {
            throw new IllegalStateException("fraction " + fraction + " was not announced to " + dataset.key());
        }
        return carves.computeIfAbsent(seed + "/" + fraction, k -> {
            List<Sample> subset = nested.computeIfAbsent(seed, s -> {
                Map<Double, List<Sample>> byFraction = PatientSubsets.nested(pool,
                        fractions.stream().map(f -> f / 100.0).toList(), s);
                Map<Integer, List<Sample>> out = new HashMap<>();
                for (int f : fractions) {
                    out.put(f, byFraction.get(f / 100.0));
                }
                return out;
            }).get(fraction);
            if (subset.size() < 2) {
                throw new UserError(dataset.display() + ": the " + fraction + "% label subset holds " + subset.size()
                        + " image(s) of " + pool.size() + "; at least 2 are needed to train and select a model");
            }
            // At least one validation image, even when the fraction of a tiny subset rounds to none.
            double vf = Math.max(valFraction, 1.0 / subset.size());
            return PatientSubsets.carve(subset, Math.min(vf, 0.5), seed);
        });
    }

    @Override
    public Map<String, Object> fingerprint(int fraction, long seed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataset", dataset.key());
        m.put("root", index.root().toString());
        m.put("cache", cache.fingerprint());
        m.put("pool_split", poolSplit(dataset));
        m.put("test_split", testSplit(dataset));
        m.put("nesting", new ArrayList<>(fractions));
        m.put("subset_seed", seed);
        m.put("val_fraction", valFraction);
        m.put("train", train(fraction, seed).fingerprint());
        m.put("train_images", train(fraction, seed).size());
        m.put("val", val(fraction, seed).fingerprint());
        m.put("val_images", val(fraction, seed).size());
        m.put("test", test.fingerprint());
        m.put("test_images", test.size());
        return m;
    }
}
