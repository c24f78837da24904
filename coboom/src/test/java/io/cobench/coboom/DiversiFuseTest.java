package io.cobench.coboom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.graph.GraphContext;
import io.cobench.testing.GradChecks;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class DiversiFuseTest {
    private static final int B = 2;
    private static final int C = 4;
    private static final int H = 2;
    private static final int W = 3;

    @Test
    void passesGradientChecks() {
        // Two images so that attention is seen to stay within each image; 4 channels in 2 heads.
        assertTrue(GradChecks.check(21, Nd4j.randn(DataType.DOUBLE, 2, 4, 1, 2), (ctx, x) -> {
            SDVariable context = ctx.var("context", Nd4j.randn(DataType.DOUBLE, 2, 4, 1, 2));
            return DiversiFuse.build(ctx.scope("df"), x, context, 4, 1, 2, 2);
        }));
    }

    private record Graph(SameDiff sd, SDVariable out) {
    }

    private static Graph graph(int heads) {
        SameDiff sd = SameDiff.create();
        GraphContext ctx = GraphContext.create(sd, GraphContext.Mode.TRAIN, 3);
        SDVariable q = sd.placeHolder("qmap", DataType.FLOAT, -1, C, H, W);
        SDVariable c = sd.placeHolder("cmap", DataType.FLOAT, -1, C, H, W);
        return new Graph(sd, DiversiFuse.build(ctx.scope("df"), q, c, C, H, W, heads));
    }

    /** The map with its H*W positions reordered: position p of the result is position perm[p] of {@code x}. */
    private static INDArray permutePositions(INDArray x, int[] perm) {
        INDArray flat = x.reshape(x.size(0), x.size(1), (long) H * W);
        INDArray out = flat.dup();
        for (int p = 0; p < perm.length; p++) {
            out.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.all(),
                    org.nd4j.linalg.indexing.NDArrayIndex.point(p)).assign(
                    flat.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.all(),
                            org.nd4j.linalg.indexing.NDArrayIndex.point(perm[p])));
        }
        return out.reshape(x.size(0), x.size(1), H, W);
    }

    @Test
    void permutingThePositionsPermutesTheOutputAlike() {
        Graph g = graph(2);
        INDArray q = Nd4j.randn(DataType.FLOAT, B, C, H, W);
        INDArray c = Nd4j.randn(DataType.FLOAT, B, C, H, W);
        int[] perm = {4, 0, 5, 2, 1, 3};
        INDArray out = g.sd().output(Map.of("qmap", q, "cmap", c), g.out().name()).get(g.out().name());
        INDArray outPermuted = g.sd().output(Map.of("qmap", permutePositions(q, perm), "cmap", permutePositions(c, perm)),
                g.out().name()).get(g.out().name());
        assertArrayEquals(permutePositions(out, perm).data().asFloat(), outPermuted.data().asFloat(), 1e-5f);
    }

    @Test
    void withIdentityProjectionsEachHeadAttendsOverItsOwnChannels() {
        Graph g = graph(2);
        for (String lin : new String[] {"q", "k", "v", "out"}) {
            g.sd().getVariable("df/" + lin + "/W").getArr().assign(Nd4j.eye(C));
            g.sd().getVariable("df/" + lin + "/b").getArr().assign(0);
        }
        INDArray q = Nd4j.randn(DataType.FLOAT, B, C, H, W);
        INDArray c = Nd4j.randn(DataType.FLOAT, B, C, H, W);
        INDArray out = g.sd().output(Map.of("qmap", q, "cmap", c), g.out().name()).get(g.out().name());
        // Reference: per image and head (channels {0,1} and {2,3}), softmax over positions of q.k / sqrt(2).
        int n = H * W;
        int dh = 2;
        for (int b = 0; b < B; b++) {
            for (int head = 0; head < 2; head++) {
                for (int i = 0; i < n; i++) {
                    double[] s = new double[n];
                    double max = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j < n; j++) {
                        for (int d = 0; d < dh; d++) {
                            int ch = head * dh + d;
                            s[j] += q.getDouble(b, ch, i / W, i % W) * c.getDouble(b, ch, j / W, j % W);
                        }
                        s[j] /= Math.sqrt(dh);
                        max = Math.max(max, s[j]);
                    }
                    double z = 0;
                    for (int j = 0; j < n; j++) {
                        s[j] = Math.exp(s[j] - max);
                        z += s[j];
                    }
                    for (int d = 0; d < dh; d++) {
                        int ch = head * dh + d;
                        double expected = 0;
                        for (int j = 0; j < n; j++) {
                            expected += s[j] / z * c.getDouble(b, ch, j / W, j % W);
                        }
                        org.junit.jupiter.api.Assertions.assertEquals(expected, out.getDouble(b, ch, i / W, i % W), 1e-5,
                                "image " + b + " channel " + ch + " position " + i);
                    }
                }
            }
        }
    }
}
