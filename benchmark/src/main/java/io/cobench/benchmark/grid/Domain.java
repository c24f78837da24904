package io.cobench.benchmark.grid;

/** An image domain with its own pretraining set: every encoder is pretrained once per domain. */
public enum Domain {
    /** Chest X-rays, pretrained on NIH train_val. */
    CHEST("chest", "nih"),
    /** Fundus photographs, pretrained on EyePACS train. */
    FUNDUS("fundus", "eyepacs");

    private final String key;
    private final String pretrainDataset;

    Domain(String key, String pretrainDataset) {
        this.key = key;
        this.pretrainDataset = pretrainDataset;
    }

    public String key() {
        return key;
    }

    /** The unlabelled dataset this domain's encoders are pretrained on. */
    public String pretrainDataset() {
        return pretrainDataset;
    }
}
