package io.cobench.batch;

import io.cobench.data.pipeline.TwoViewConfig;
import io.cobench.data.pipeline.TwoViewTransform;
import io.cobench.data.pipeline.ImageU8;
import io.cobench.data.pipeline.ImageStore;
import io.cobench.data.pipeline.Normalization;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Batches are pure functions of (seed, step); epochs are shuffled permutations. */
class PrefetchBatchSourceTest {
    static ImageStore store(int n, int size, int channels) {
        SplittableRandom r = new SplittableRandom(5);
        List<ImageU8> images = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] px = new byte[size * size * channels];
            r.nextBytes(px);
            images.add(new ImageU8("im" + i, size, size, channels, px));
        }
        return ImageStore.of(images);
    }

    private static PrefetchBatchSource source(ImageStore s, int threads, int prefetch, float[][] labels) {
        return new PrefetchBatchSource(s, 1, 12, new TwoViewTransform(TwoViewConfig.coboom()), Normalization.IMAGENET,
                new PrefetchBatchSource.Config(4, 7, threads, prefetch), labels);
    }

    @Test
    void sameStepGivesIdenticalArraysWhateverWasAskedBeforeAndWhateverTheThreads() {
        ImageStore s = store(10, 12, 1);
        try (PrefetchBatchSource a = source(s, 2, 2, null); PrefetchBatchSource b = source(s, 1, 0, null)) {
            Map<String, INDArray> first = a.batch(3);
            a.batch(4);
            a.batch(5);
            a.batch(0);
            Map<String, INDArray> again = a.batch(3);
            Map<String, INDArray> other = b.batch(3);
            for (String k : List.of("view1", "view2", "target")) {
                assertEquals(first.get(k), again.get(k), k);
                assertEquals(first.get(k), other.get(k), k);
            }
            assertNotEquals(first.get("view1"), a.batch(6).get("view1"));
            assertNotEquals(first.get("view1"), first.get("view2"), "two different views");
        }
    }

    @Test
    void eachEpochIsAFreshPermutationWithTheLastPartialBatchDropped() {
        ImageStore s = store(10, 12, 1);
        try (PrefetchBatchSource src = source(s, 1, 0, null)) {
            assertEquals(2, src.stepsPerEpoch());
            List<int[]> epochs = new ArrayList<>();
            for (int e = 0; e < 3; e++) {
                int[] seen = new int[8];
                for (int k = 0; k < 2; k++) {
                    System.arraycopy(src.indices(2L * e + k), 0, seen, 4 * k, 4);
                }
                Set<Integer> distinct = new HashSet<>();
                for (int v : seen) {
                    assertTrue(v >= 0 && v < 10);
                    distinct.add(v);
                }
                assertEquals(8, distinct.size(), "no image twice in an epoch");
                epochs.add(seen);
            }
            assertFalse(Arrays.equals(epochs.get(0), epochs.get(1)) && Arrays.equals(epochs.get(1), epochs.get(2)),
                    "epochs are shuffled differently");
            assertArrayEquals(src.indices(5), source(s, 2, 3, null).indices(5));
        }
    }

    @Test
    void shapesNamesTargetAndLabelsAreRight() {
        ImageStore s = store(10, 12, 1);
        float[][] labels = new float[10][];
        for (int i = 0; i < 10; i++) {
            labels[i] = new float[] {i, -i};
        }
        try (PrefetchBatchSource src = source(s, 2, 1, labels)) {
            Map<String, INDArray> b = src.batch(1);
            assertEquals(List.of("view1", "view2", "target", "labels"), new ArrayList<>(b.keySet()));
            assertArrayEquals(new long[] {4, 3, 12, 12}, b.get("view1").shape());
            assertArrayEquals(new long[] {4, 2}, b.get("labels").shape());
            int[] idx = src.indices(1);
            INDArray target = b.get("target");
            for (int j = 0; j < 4; j++) {
                assertEquals(idx[j], b.get("labels").getFloat(j, 0), 0f);
                ImageU8 img = s.image(idx[j]);
                for (int c = 0; c < 3; c++) {
                    for (int y = 0; y < 12; y += 5) {
                        for (int x = 0; x < 12; x += 3) {
                            // the target is the clean image, grey repeated, normalised per channel
                            assertEquals(Normalization.IMAGENET.apply(img.get(y, x, 0), c),
                                    target.getFloat(j, c, y, x), 1e-5f);
                        }
                    }
                }
            }
        }
    }
}
