package io.cobench.benchmark.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One split of a downstream dataset. Rows are addressed by index; images come in batches so a
 * large split can be streamed from the image cache.
 */
public interface Split {

    int size();

    /** Stable id of row {@code i} (NIH file name, SIIM ImageId, ...). */
    String id(int i);

    /** 0/1 per class of row {@code i} (classification datasets). */
    float[] labels(int i);

    /** Normalised images of {@code rows}, [b, channels, size, size]. */
    INDArray images(int[] rows);

    /** 0/1 masks of {@code rows}, [b, 1, size, size] (segmentation datasets). */
    INDArray masks(int[] rows);

    /** Rows {@code from} (inclusive) to {@code to} (exclusive). */
    static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    /** SHA-256 of the ids in row order: two splits with the same fingerprint hold the same images. */
    default String fingerprint() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < size(); i++) {
                md.update(id(i).getBytes(StandardCharsets.UTF_8));
                md.update((byte) '\n');
            }
            return "sha256:" + HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
