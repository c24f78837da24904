package io.cobench.baselines.swav;

/**
 * SwAV's multi-crop: two large crops plus {@code small} small ones. With {@code small = 0} (the
 * default, for parity with the other methods) SwAV uses the harness's standard two views and the
 * scales here are unused.
 *
 * <p>Small crops are rendered at the large crops' pixel size, not at the reference's 96 px: the
 * harness builds one encoder scope once, so every crop passes it in the same concatenated batch.
 * They keep the reference's area range, and codes still come from the large crops only.
 *
 * @param small number of small crops
 * @param largeMinScale smallest area fraction of a large crop (reference 0.14; largest is 1)
 * @param smallMinScale smallest area fraction of a small crop (reference 0.05)
 * @param smallMaxScale largest area fraction of a small crop (reference 0.14)
 */
public record MultiCropConfig(int small, double largeMinScale, double smallMinScale, double smallMaxScale) {
    public MultiCropConfig {
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

    /** Crops per image: the two large ones and the small ones. */
    public int crops() {
        return 2 + small;
    }
}
