package io.cobench.data;

import java.nio.file.Path;

/**
 * One labelled image of a dataset, as the loaders produce it and the cache consumes it.
 *
 * @param id stable identifier (NIH file name, SIIM ImageId, MuReD ID, ...)
 * @param image the file on disk (may not exist when only metadata is present)
 * @param patient patient identifier used for patient-disjoint splits, or the id if unknown
 * @param labels 0/1 per class in the dataset's class order; empty for unlabelled data
 */
public record Sample(String id, Path image, String patient, float[] labels) {
}
