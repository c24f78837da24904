package io.cobench.run;

/**
 * Which images a pretraining run reads.
 *
 * @param dataset nih (chest domain) or eyepacs (fundus domain)
 * @param root the dataset's root folder in its real layout; null means the embedded phantom data
 * @param limit if > 0, use only the first {@code limit} images of the pretraining split (smoke runs)
 * @param workers prefetch threads
 */
public record DataConfig(String dataset, String root, int limit, int workers) {
    public DataConfig {
        if (dataset == null || !(dataset.equals("nih") || dataset.equals("eyepacs"))) {
            throw new IllegalArgumentException("data.dataset must be nih or eyepacs for pretraining, got " + dataset);
        }
        if (limit < 0 || workers < 1) {
            throw new IllegalArgumentException("data: need limit >= 0 and workers >= 1");
        }
    }
}
