package io.cobench.batch;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Batches for training, addressed by global step. Equal steps give equal batches, whatever
 * happened before: resume relies on it, so no state may leak from one call to the next.
 */
public interface BatchSource extends AutoCloseable {

    /** Placeholder name to NCHW array for {@code step}. */
    Map<String, INDArray> batch(long step);

    /** Batches per pass over the data. */
    long stepsPerEpoch();

    int batchSize();

    @Override
    default void close() {
    }
}
