package io.cobench.benchmark.protocol;

import io.cobench.benchmark.data.Split;
import io.cobench.benchmark.model.EncoderWeights;
import io.cobench.benchmark.model.FeatureExtractor;
import io.cobench.graph.ResNetConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Pooled features of one encoder, extracted once per image id: the nested label subsets, the
 * validation rows and the test split of every cell of that encoder share them.
 */
public final class FeatureCache {
    private final FeatureExtractor extractor;
    private final int batch;
    private String encoderKey;
    private final Map<String, INDArray> byId = new HashMap<>();
    /** The test split's spectrum is the same for every label fraction of one encoder: computed once. */
    private final Map<List<String>, FeatureSpectrum> spectra = new HashMap<>();

    public FeatureCache(ResNetConfig cfg, int batch) {
        this.extractor = new FeatureExtractor(cfg);
        this.batch = batch;
    }

    /** Switches to another encoder (identified by {@code key}); the cache empties when it changes. */
    public void use(String key, EncoderWeights weights) {
        if (!key.equals(encoderKey)) {
            extractor.use(weights);
            byId.clear();
            spectra.clear();
            encoderKey = key;
        }
    }

    /**
     * Features [n, channels] of every row of {@code split}, in row order. Ids are unique within a
     * dataset, so a cache entry keyed by id is the same image whichever split asks.
     */
    public INDArray features(String dataset, Split split) {
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < split.size(); i++) {
            if (!byId.containsKey(dataset + "/" + split.id(i))) {
                missing.add(i);
            }
        }
        for (int from = 0; from < missing.size(); from += batch) {
            int[] rows = missing.subList(from, Math.min(missing.size(), from + batch)).stream()
                    .mapToInt(Integer::intValue).toArray();
            INDArray f = extractor.pooled(new RowsView(split, rows), rows.length);
            for (int k = 0; k < rows.length; k++) {
                byId.put(dataset + "/" + split.id(rows[k]), f.getRow(k).dup());
            }
        }
        INDArray[] rows = new INDArray[split.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = byId.get(dataset + "/" + split.id(i)).reshape(1, -1);
        }
        return Nd4j.concat(0, rows);
    }

    /** The spectrum of {@link #features} of {@code split}, once per encoder, dataset and set of images. */
    public FeatureSpectrum spectrum(String dataset, Split split) {
        List<String> key = new ArrayList<>(split.size() + 1);
        key.add(dataset);
        for (int i = 0; i < split.size(); i++) {
            key.add(split.id(i));
        }
        return spectra.computeIfAbsent(key, k -> FeatureSpectrum.of(features(dataset, split)));
    }

    /** A split restricted to some of its rows, without copying images. */
    private record RowsView(Split base, int[] rows) implements Split {
        @Override
        public int size() {
            return rows.length;
        }

        @Override
        public String id(int i) {
            return base.id(rows[i]);
        }

        @Override
        public float[] labels(int i) {
            return base.labels(rows[i]);
        }

        @Override
        public INDArray images(int[] r) {
            return base.images(map(r));
        }

        @Override
        public INDArray masks(int[] r) {
            return base.masks(map(r));
        }

        private int[] map(int[] r) {
            int[] out = new int[r.length];
            for (int i = 0; i < r.length; i++) {
                out[i] = rows[r[i]];
            }
            return out;
        }
    }
}
