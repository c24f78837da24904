package io.cobench.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * Which images a pretraining run reads.
 *
 * @param dataset nih (chest domain) or eyepacs (fundus domain)
 * @param roots dataset name to its root folder in its real layout, the same key as a grid's
 *              {@code data.roots}; no entry for {@code dataset} means the embedded phantom data
 * @param root deprecated spelling of {@code roots.<dataset>}, still read (with a warning) and
 *             never written
 * @param limit if > 0, use only the first {@code limit} images of the pretraining split (smoke runs)
 * @param workers prefetch threads
 * @param cropScaleMin smallest crop of the two-view pipeline, as a share of the image area; null
 *                     (the field left out) keeps the pipeline's official 0.08. Only methods that
 *                     use the shared two-view pipeline read it; the others refuse it
 *                     ({@link PretrainData}). The CPU presets raise it where a short run needs both
 *                     views to keep the findings (docs/cpu-study.md).
 */
public record DataConfig(String dataset, Map<String, String> roots,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String root, int limit, int workers,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Double cropScaleMin) {
    public DataConfig {
        if (dataset == null || !(dataset.equals("nih") || dataset.equals("eyepacs"))) {
            throw new IllegalArgumentException("data.dataset must be nih or eyepacs for pretraining, got " + dataset);
        }
        if (limit < 0 || workers < 1) {
            throw new IllegalArgumentException("data: need limit >= 0 and workers >= 1");
        }
        roots = roots == null ? Map.of() : Map.copyOf(roots);
        if (cropScaleMin != null && !(cropScaleMin > 0 && cropScaleMin <= 1)) {
            throw new IllegalArgumentException("data.cropScaleMin must lie in (0, 1], got " + cropScaleMin);
        }
        if (root != null && roots.containsKey(dataset)) {
            throw new IllegalArgumentException("data: give roots." + dataset + " only (root is its deprecated spelling)");
        }
    }

    /** A config reading {@code dataset} from {@code root} (null: the phantom data). */
    public static DataConfig of(String dataset, String root, int limit, int workers) {
        return new DataConfig(dataset, root == null ? Map.of() : Map.of(dataset, root), null, limit, workers, null);
    }

    /** This config with the two-view pipeline's smallest crop set (null: the official 0.08). */
    public DataConfig withCropScaleMin(Double min) {
        return new DataConfig(dataset, roots, root, limit, workers, min);
    }

    /** The folder of {@code dataset}, or null for the phantom data. */
    public String datasetRoot() {
        return roots.containsKey(dataset) ? roots.get(dataset) : root;
    }
}
