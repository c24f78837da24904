package io.cobench.data.pipeline;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Turns one cached image into the named float arrays a method trains on (views, clean targets,
 * masks). The pipeline stacks them into NCHW batches whose names are the graph's placeholders.
 *
 * <p>Implementations must be deterministic given {@code rng}, and thread-safe (one instance is
 * shared by the prefetch threads).
 */
public interface ViewTransform {

    /** One output per sample: its placeholder name and CHW shape. */
    record Output(String name, int channels, int height, int width) {
        public int length() {
            return channels * height * width;
        }
    }

    /** The outputs for images of {@code channels} channels at {@code size} pixels. */
    List<Output> outputs(int channels, int size);

    /**
     * Fills {@code out[i]} (CHW floats, pre-allocated to {@code outputs().get(i).length()}) for one
     * image. Values are normalised as the pipeline's normalisation says.
     */
    void apply(ImageU8 image, SplittableRandom rng, Normalization norm, float[][] out);
}
