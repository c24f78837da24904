package io.cobench.coboom;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Data-dependent codebook initialisation: codewords become feature vectors drawn at random,
 * without replacement where the batch has at least K of them. With fewer, vectors repeat with
 * a small jitter (1% of the features' standard deviation), since exact duplicates would never
 * win a nearest-code comparison and so never train.
 */
public final class CodebookInit {
    private CodebookInit() {
    }

    /** Overwrites {@code codebook} [K,D] with rows of {@code features} [N,D] chosen by {@code rng}. */
    public static void fromData(INDArray codebook, INDArray features, SplittableRandom rng) {
        int k = (int) codebook.size(0);
        int n = (int) features.size(0);
        if (features.size(1) != codebook.size(1)) {
            throw new IllegalArgumentException("features have width " + features.size(1) + ", codebook " + codebook.size(1));
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        INDArray f = features.castTo(codebook.dataType());
        double jitter = 0.01 * f.stdNumber().doubleValue();
        for (int row = 0; row < k; row++) {
            INDArray v = f.getRow(order[row % n]).dup();
            if (row >= n) {
                INDArray noise = Nd4j.zeros(codebook.dataType(), v.shape());
                for (int d = 0; d < noise.length(); d++) {
                    noise.putScalar(d, rng.nextGaussian() * jitter);
                }
                v.addi(noise);
            }
            codebook.getRow(row).assign(v);
        }
    }
}
