package io.cobench.benchmark.data;

import io.cobench.benchmark.grid.Downstream;
import java.util.List;
import java.util.Map;

/**
 * A downstream dataset as the protocols need it. The labelled training subsets are nested and
 * patient-aware, and validation is carved from each subset (patient-disjoint); the test split is
 * the official one.
 */
public interface DownstreamData {

    Downstream dataset();

    /** Class names in the column order of labels and predictions (segmentation: one name). */
    List<String> classes();

    /** The labelled training images of {@code fraction} percent, validation rows removed. */
    Split train(int fraction, long seed);

    /** The validation rows carved from the same subset. */
    Split val(int fraction, long seed);

    Split test();

    /** Boxes of test images, for Grad-CAM (NIH only; empty elsewhere). */
    default List<FindingBox> boxes() {
        return List.of();
    }

    /** File lists and split hashes for provenance. */
    default Map<String, Object> fingerprint(int fraction, long seed) {
        return Map.of("dataset", dataset().key(), "train", train(fraction, seed).fingerprint(),
                "val", val(fraction, seed).fingerprint(), "test", test().fingerprint());
    }
}
