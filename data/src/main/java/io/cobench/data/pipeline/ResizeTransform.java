package io.cobench.data.pipeline;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The evaluation view ("image"): the cached image resized to the output size (no-op when equal)
 * and normalised, with no augmentation; for feature extraction and linear probes.
 */
public final class ResizeTransform implements ViewTransform {
    public static final String IMAGE = "image";

    private final int outputSize;
    private final int outputChannels;

    /**
     * @param outputSize 0 = the cached size
     * @param outputChannels 0 = as cached, 1 or 3 as {@link TwoViewConfig#outputChannels()}
     */
    public ResizeTransform(int outputSize, int outputChannels) {
        if (outputSize < 0 || (outputChannels != 0 && outputChannels != 1 && outputChannels != 3)) {
            throw new IllegalArgumentException("resize transform: bad size " + outputSize + " or channels "
                    + outputChannels);
        }
        this.outputSize = outputSize;
        this.outputChannels = outputChannels;
    }

    @Override
    public List<Output> outputs(int channels, int size) {
        int s = outputSize == 0 ? size : outputSize;
        return List.of(new Output(IMAGE, Planes.outputChannels(channels, outputChannels), s, s));
    }

    @Override
    public void apply(ImageU8 image, SplittableRandom rng, Normalization norm, float[][] out) {
        int s = outputSize == 0 ? image.height() : outputSize;
        float[] img = Resampler.regionToPlanes(image, 0, 0, image.height(), image.width(), s, s);
        Planes.write(img, image.channels(), s * s, Planes.outputChannels(image.channels(), outputChannels), norm,
                out[0]);
    }
}
