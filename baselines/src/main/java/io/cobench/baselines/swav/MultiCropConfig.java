package io.cobench.baselines.swav;

/**
 * SwAV's multi-crop: two large crops plus {@code small} small ones. With {@code small = 0} SwAV
 * uses the harness's standard two views and the scales here are unused.
 *
 * <p>Small crops are rendered at {@code smallSize} pixels (the reference's 96) and pass the
 * encoder in a second, weight-sharing pass, so each resolution gets its own BN statistics as in
 * the reference's per-resolution forward; {@code smallSize = 0} renders them at the large crops'
 * size in the same pass. Codes come from the large crops only.
 *
 * @param small number of small crops
 * @param largeMinScale smallest area fraction of a large crop (reference 0.14; largest is 1)
 * @param smallMinScale smallest area fraction of a small crop (reference 0.05)
 * @param smallMaxScale largest area fraction of a small crop (reference 0.14)
 * @param smallSize pixel size of the small crops (reference 96), a multiple of 32 as the encoder
 *                  needs; 0 = the large crops' size
 */
public record MultiCropConfig(int small, double largeMinScale, double smallMinScale, double smallMaxScale,
                              int smallSize) {
    public MultiCropConfig {
        if (smallSize != 0 && (smallSize < 32 || smallSize % 32 != 0)) {
            throw new IllegalArgumentException("swav: multiCrop.smallSize must be 0 (the large size) or a multiple "
                    + "of 32 (the encoder's stride), got " + smallSize);
        }
        if (small < 0) {
            throw new IllegalArgumentException("swav: multiCrop.small must be >= 0, got " + small);
        }
        if (!(largeMinScale > 0 && largeMinScale <= 1 && smallMinScale > 0 && smallMinScale <= smallMaxScale
                && smallMaxScale <= 1)) {
            throw new IllegalArgumentException("swav: crop scales must satisfy 0 < largeMinScale <= 1 and "
                    + "0 < smallMinScale <= smallMaxScale <= 1, got " + largeMinScale + ", " + smallMinScale
                    + ", " + smallMaxScale);
        }
    }

    /** Pixel size of the small crops for an encoder input of {@code largeSize}. */
    public int smallSize(int largeSize) {
        return smallSize == 0 ? largeSize : smallSize;
    }

    /** Crops per image: the two large ones and the small ones. */
    public int crops() {
        return 2 + small;
    }
}
