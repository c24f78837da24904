package io.cobench.graph;

/**
 * The encoder: ResNet with BasicBlocks, stem 7x7/2 and max-pool.
 *
 * @param depth 18 or 34
 * @param width channels of the first stage (64 in the paper); later stages double it
 * @param channels input channels (3 for grey replicated as in the paper, 1 to save time)
 * @param imageSize input height and width in pixels
 */
public record ResNetConfig(int depth, int width, int channels, int imageSize) {
    public ResNetConfig {
        if (depth != 18 && depth != 34) {
            throw new IllegalArgumentException("ResNet depth must be 18 or 34, got " + depth);
        }
        if (width < 1 || channels < 1 || imageSize < 32 || imageSize % 32 != 0) {
            throw new IllegalArgumentException("ResNet needs width >= 1, channels >= 1 and an image size that is a "
                    + "multiple of 32 (>= 32), got width " + width + ", channels " + channels + ", size " + imageSize);
        }
    }

    public static ResNetConfig paper() {
        return new ResNetConfig(18, 64, 3, 224);
    }

    /** Channels of the last feature map (8 x width). */
    public int featureChannels() {
        return 8 * width;
    }

    /** Height and width of the last feature map (size / 32). */
    public int featureSize() {
        return imageSize / 32;
    }

    int[] blocks() {
        return depth == 18 ? new int[] {2, 2, 2, 2} : new int[] {3, 4, 6, 3};
    }
}
