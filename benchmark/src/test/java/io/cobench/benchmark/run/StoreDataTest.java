package io.cobench.benchmark.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.benchmark.TestGrids;
import io.cobench.benchmark.data.FindingBox;
import io.cobench.benchmark.data.CachedSplit;
import io.cobench.benchmark.data.DownstreamData;
import io.cobench.benchmark.data.Split;
import io.cobench.benchmark.grid.Downstream;
import io.cobench.benchmark.grid.GridConfig;
import io.cobench.data.Sample;
import io.cobench.engine.Engine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The downstream datasets as the protocols see them, read from phantom data in the real layouts. */
class StoreDataTest {
    @TempDir
    static Path tmp;
    static StoreData data;

    @BeforeAll
    static void phantom() {
        Engine.start(null);
        GridConfig g = TestGrids.grid(List.of("sup"), Map.of("nih", List.of(10, 100), "siim", List.of(100)),
                List.of("linear"), List.of(0), null);
        g = g.withData(new GridConfig.DataSpec(new GridConfig.PhantomSpec(tmp.resolve("phantom").toString(), 64, 60, 0),
                Map.of(), 0.2));
        data = new StoreData(g, tmp.resolve("cache"), new PrintStream(new ByteArrayOutputStream()));
    }

    private static Set<String> ids(Split s) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i < s.size(); i++) {
            out.add(s.id(i));
        }
        return out;
    }

    private static Set<String> patients(Split s) {
        Set<String> out = new HashSet<>();
        for (Sample x : ((CachedSplit) s).samples()) {
            out.add(x.patient());
        }
        return out;
    }

    @Test
    void nihSubsetsAreNestedPatientDisjointAndApartFromTest() {
        DownstreamData nih = data.downstream(Downstream.NIH);
        assertEquals(15, nih.classes().size());
        assertTrue(nih.classes().contains("No Finding"));
        Set<String> test = ids(nih.test());
        Set<String> small = ids(nih.train(10, 0));
        small.addAll(ids(nih.val(10, 0)));
        Set<String> all = ids(nih.train(100, 0));
        all.addAll(ids(nih.val(100, 0)));
        assertTrue(all.containsAll(small), "10% subset not inside the full set");
        assertTrue(small.size() < all.size());
        for (int f : new int[] {10, 100}) {
            Set<String> tr = ids(nih.train(f, 0));
            Set<String> va = ids(nih.val(f, 0));
            assertFalse(va.isEmpty());
            Set<String> both = new HashSet<>(tr);
            both.retainAll(va);
            assertTrue(both.isEmpty(), "train and val share images at " + f + "%");
            Set<String> pt = patients(nih.train(f, 0));
            pt.retainAll(patients(nih.val(f, 0)));
            assertTrue(pt.isEmpty(), "train and val share patients at " + f + "%");
            Set<String> leak = new HashSet<>(tr);
            leak.retainAll(test);
            assertTrue(leak.isEmpty());
        }
        // The same seed gives the same subset; another seed another one.
        assertEquals(ids(nih.train(10, 0)), ids(nih.train(10, 0)));
        assertEquals(nih.train(100, 0).fingerprint(), nih.train(100, 0).fingerprint());
    }

    @Test
    void imagesAreNormalisedAtTheEncoderSize() {
        Split test = data.downstream(Downstream.NIH).test();
        INDArray x = test.images(new int[] {0, 1});
        assertArrayEquals(new long[] {2, 1, 32, 32}, x.shape());
        // Unit normalisation maps 0..255 to -1..1.
        assertTrue(x.minNumber().doubleValue() >= -1 && x.maxNumber().doubleValue() <= 1);
        assertTrue(x.maxNumber().doubleValue() > x.minNumber().doubleValue());
    }

    @Test
    void siimMasksFollowTheLabels() {
        DownstreamData siim = data.downstream(Downstream.SIIM);
        Split test = siim.test();
        int pos = 0;
        for (int i = 0; i < test.size(); i++) {
            INDArray m = test.masks(new int[] {i});
            double on = m.sumNumber().doubleValue();
            boolean positive = ((CachedSplit) test).samples().get(i).labels()[0] > 0.5f;
            if (positive) {
                pos++;
            } else {
                assertEquals(0.0, on, 0, "negative image with mask pixels");
            }
        }
        assertTrue(pos > 0, "no positive SIIM test image");
    }

    @Test
    void maskReductionKeepsPixelsThatAreAtLeastHalfCovered() {
        byte[] m = new byte[16];
        // 4x4 mask: top-left block fully on, top-right block 2 of 4 on, bottom-left 1 of 4 on.
        m[0] = m[1] = m[4] = m[5] = 1;
        m[2] = m[3] = 1;
        m[8] = 1;
        assertArrayEquals(new float[] {1, 1, 0, 0}, StoreData.reduce(m, 4, 2), 0f);
    }

    @Test
    void nihBoxesAreScaledToTheEncoderSize() {
        List<FindingBox> boxes = data.downstream(Downstream.NIH).boxes();
        assertFalse(boxes.isEmpty());
        Set<String> test = ids(data.downstream(Downstream.NIH).test());
        for (FindingBox b : boxes) {
            assertTrue(test.contains(b.imageId()));
            assertTrue(b.x() >= 0 && b.y() >= 0 && b.x() + b.w() <= 32.001 && b.y() + b.h() <= 32.001, b.toString());
        }
    }
}
