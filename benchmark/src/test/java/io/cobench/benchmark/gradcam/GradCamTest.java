package io.cobench.benchmark.gradcam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.benchmark.data.ArraySplit;
import io.cobench.benchmark.data.FindingBox;
import io.cobench.benchmark.model.EncoderWeights;
import io.cobench.benchmark.protocol.LinearProbe;
import io.cobench.engine.Engine;
import io.cobench.graph.ResNetConfig;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

class GradCamTest {
    static final ResNetConfig ENC = new ResNetConfig(18, 4, 1, 64);

    @BeforeAll
    static void engine() {
        Engine.start(null);
    }

    private static LinearProbe.Head head(int features, int classes) {
        Nd4j.getRandom().setSeed(3);
        return new LinearProbe.Head(Nd4j.randn(DataType.FLOAT, features, classes), Nd4j.randn(DataType.FLOAT, 1, classes));
    }

    private static ArraySplit images(int n) {
        Nd4j.getRandom().setSeed(4);
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add("img" + i);
        }
        return new ArraySplit(ids, Nd4j.randn(DataType.FLOAT, n, 1, 64, 64), new float[n][3], null);
    }

    @Test
    void lastStageGradientIsTheHeadWeightSpreadOverTheMap() {
        // logit_c = GAP(A) W[:,c] + b_c, so d logit_c / d A_k,ij = W[k,c] / (h w) at every position.
        GradCam cam = new GradCam(ENC, 4, 3);
        LinearProbe.Head h = head(32, 3);
        EncoderWeights w = EncoderWeights.random(ENC, 1);
        cam.use(w, h);
        ArraySplit s = images(1);
        INDArray a = cam.activations(s, 0);
        assertArrayEquals(new long[] {1, 32, 2, 2}, a.shape());
        INDArray g = cam.gradient(a, 2);
        for (int k = 0; k < 32; k++) {
            for (int y = 0; y < 2; y++) {
                for (int x = 0; x < 2; x++) {
                    assertEquals(h.w().getDouble(k, 2) / 4, g.getDouble(0, k, y, x), 1e-5);
                }
            }
        }
        // The map itself is then ReLU(sum_k W[k,c]/4 * A_k).
        INDArray expect = Transforms.relu(a.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0)).mul(
                h.w().getColumn(2).reshape(32, 1, 1).div(4)).sum(0), false);
        assertTrue(expect.equalsWithEps(cam.map(s, 0, 2), 1e-5));
    }

    @Test
    void earlierStageMapsAreFinerAndDifferentiateTheRestOfTheNetwork() {
        GradCam cam = new GradCam(ENC, 2, 3);
        cam.use(EncoderWeights.random(ENC, 1), head(32, 3));
        ArraySplit s = images(1);
        INDArray m = cam.map(s, 0, 1);
        assertArrayEquals(new long[] {8, 8}, m.shape());
        assertTrue(m.minNumber().doubleValue() >= 0);
        // Through layers 3 and 4 the gradient varies over the positions (unlike the last stage).
        INDArray g = cam.gradient(cam.activations(s, 0), 1);
        assertTrue(g.getDouble(0, 0, 0, 0) != g.getDouble(0, 0, 3, 5));
    }

    @Test
    void upsamplingUsesHalfPixelCentres() {
        INDArray cam = Nd4j.createFromArray(new float[][] {{0, 4}, {8, 12}});
        Heatmap h = Heatmap.upsample(cam, 4);
        // Output pixel 0 maps to source -0.25 (clamped to 0); pixel 1 to 0.25; pixel 2 to 0.75.
        assertEquals(0f, h.get(0, 0), 1e-6);
        assertEquals(1f, h.get(0, 1), 1e-6);
        assertEquals(3f, h.get(0, 2), 1e-6);
        assertEquals(4f, h.get(0, 3), 1e-6);
        assertEquals(2f, h.get(1, 0), 1e-6);
        assertEquals(12f, h.get(3, 3), 1e-6);
        assertArrayEquals(new int[] {3, 3}, h.peak());
    }

    @Test
    void pointingGameCountsPeaksInsideBoxes() {
        float[][] v = new float[8][8];
        v[5][2] = 3f;
        v[1][1] = 2f;
        Heatmap h = Heatmap.of(v);
        assertArrayEquals(new int[] {5, 2}, h.peak());
        assertTrue(PointingGame.hit(h, List.of(new FindingBox("a", "Mass", 1, 4, 3, 3))));
        // Pixel (row 5, col 2) has its centre at (2.5, 5.5): outside a box ending at x = 2.
        assertFalse(PointingGame.hit(h, List.of(new FindingBox("a", "Mass", 0, 4, 2, 3))));
        assertTrue(PointingGame.hit(h, List.of(new FindingBox("a", "Mass", 6, 6, 1, 1), new FindingBox("a", "Mass", 2, 5, 1, 1))));
        Heatmap zero = Heatmap.of(new float[4][4]);
        assertNull(zero.peak());
        assertFalse(PointingGame.hit(zero, List.of(new FindingBox("a", "Mass", 0, 0, 4, 4))));
        assertEquals(0.25, new PointingGame.Score("m", "Mass", 8, 2).value(), 0);
    }

    @Test
    void overlayIsTheZoomedImageWithBoxAndPeak() {
        float[][] v = new float[4][4];
        v[2][1] = 1f;
        var img = Overlay.render(Nd4j.zeros(DataType.FLOAT, 1, 4, 4), Heatmap.of(v), List.of(new FindingBox("a", "Mass", 0, 0, 2, 2)), 4);
        assertEquals(16, img.getWidth());
        assertEquals(16, img.getHeight());
        assertEquals(0xffffff, img.getRGB(0, 0) & 0xffffff);   // box corner
        assertEquals(0xff00ff, img.getRGB(6, 10) & 0xffffff);  // peak cross at pixel (2,1) centre
        assertArrayEquals(new int[] {128, 0, 0}, Overlay.jet(1.0));
        assertArrayEquals(new int[] {0, 0, 128}, Overlay.jet(0.0));
    }

    @Test
    void collectingAFinishedStoreAgainWritesNothing(@org.junit.jupiter.api.io.TempDir java.nio.file.Path root)
            throws Exception {
        java.nio.file.Path m = root.resolve("byol");
        java.nio.file.Files.createDirectories(m);
        java.nio.file.Files.writeString(m.resolve("pointing.csv"), "class,images,hits,score\nMass,4,3,0.75\n");
        io.cobench.benchmark.store.ResultsStore.finish(m);
        GradCamJob.collect(root);
        java.nio.file.Path all = root.resolve("pointing.csv");
        assertEquals("method,class,images,hits,score\nbyol,Mass,4,3,0.75\n", java.nio.file.Files.readString(all));
        // An atomic rewrite replaces the file (a new inode); on a read-only disk it would fail instead.
        Object before = java.nio.file.Files.readAttributes(all, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        GradCamJob.collect(root);
        assertEquals(before, java.nio.file.Files.readAttributes(all, java.nio.file.attribute.BasicFileAttributes.class)
                .fileKey());
    }
}
