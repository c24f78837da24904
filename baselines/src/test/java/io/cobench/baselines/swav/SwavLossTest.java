package io.cobench.baselines.swav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.testing.GradChecks;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** SwAV's pieces on tiny inputs: Sinkhorn codes, the swapped-prediction loss and the queue. */
class SwavLossTest {

    /** The reference's distributed_sinkhorn, written out literally for one view: [N,K] scores to [N,K] codes. */
    static double[][] referenceSinkhorn(double[][] scores, double eps, int iterations) {
        int n = scores.length;
        int k = scores[0].length;
        double[][] q = new double[k][n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                q[j][i] = Math.exp(scores[i][j] / eps);
                total += q[j][i];
            }
        }
        scale(q, 1 / total);
        for (int it = 0; it < iterations; it++) {
            for (int j = 0; j < k; j++) {
                double rs = 0;
                for (int i = 0; i < n; i++) {
                    rs += q[j][i];
                }
                for (int i = 0; i < n; i++) {
                    q[j][i] /= rs * k;
                }
            }
            for (int i = 0; i < n; i++) {
                double cs = 0;
                for (int j = 0; j < k; j++) {
                    cs += q[j][i];
                }
                for (int j = 0; j < k; j++) {
                    q[j][i] /= cs * n;
                }
            }
        }
        scale(q, n);
        double[][] out = new double[n][k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                out[i][j] = q[j][i];
            }
        }
        return out;
    }

    private static void scale(double[][] a, double f) {
        for (double[] r : a) {
            for (int i = 0; i < r.length; i++) {
                r[i] *= f;
            }
        }
    }

    private static double[][][] randomScores(long seed, int v, int n, int k) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][][] s = new double[v][n][k];
        for (double[][] a : s) {
            for (double[] row : a) {
                for (int j = 0; j < k; j++) {
                    row[j] = r.nextDouble() * 2 - 1;
                }
            }
        }
        return s;
    }

    private static INDArray graphCodes(double[][][] scores, double[][][] queue, float gate, double eps, int iterations) {
        SameDiff sd = SameDiff.create();
        SDVariable s = sd.constant("s", Nd4j.create(scores).castTo(DataType.FLOAT));
        SDVariable qs = queue == null ? null : sd.constant("qs", Nd4j.create(queue).castTo(DataType.FLOAT));
        SDVariable g = queue == null ? null : sd.constant("g", Nd4j.scalar(gate));
        SDVariable codes = Sinkhorn.codes(sd, s, qs, g, eps, iterations);
        return codes.eval();
    }

    @Test
    void codesEqualTheReferenceAlgorithmPerView() {
        double[][][] s = randomScores(1, 2, 4, 3);
        INDArray codes = graphCodes(s, null, 0, 0.05, 3);
        for (int v = 0; v < 2; v++) {
            double[][] ref = referenceSinkhorn(s[v], 0.05, 3);
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 3; j++) {
                    assertEquals(ref[i][j], codes.getDouble(v, i, j), 1e-5, "view " + v + " sample " + i);
                }
            }
        }
    }

    @Test
    void marginalsAreUniformAfterTheIterations() {
        double[][][] s = randomScores(2, 2, 6, 3);
        INDArray three = graphCodes(s, null, 0, 0.05, 3);
        // At eps 0.05 the kernel is peaked and convergence slow; a softer eps shows the fixed point in few iterations.
        INDArray many = graphCodes(s, null, 0, 0.5, 40);
        // Each sample's code is a distribution over prototypes.
        assertTrue(three.sum(2).sub(1.0).amaxNumber().doubleValue() < 1e-5);
        assertTrue(many.sum(2).sub(1.0).amaxNumber().doubleValue() < 1e-5);
        // Prototypes share the B samples equally, B/K = 2 each, once Sinkhorn has converged ...
        assertTrue(many.sum(1).sub(2.0).amaxNumber().doubleValue() < 1e-4, many.sum(1).toString());
        // ... and three iterations already bring them much closer than the plain softmax of scores/eps.
        double before = 0;
        for (double[][] view : s) {
            double[] perPrototype = new double[3];
            for (double[] row : view) {
                double norm = 0;
                for (double x : row) {
                    norm += Math.exp(x / 0.05);
                }
                for (int j = 0; j < 3; j++) {
                    perPrototype[j] += Math.exp(row[j] / 0.05) / norm;
                }
            }
            for (double m : perPrototype) {
                before = Math.max(before, Math.abs(m - 2.0));
            }
        }
        double after = three.sum(1).subi(2.0).amaxNumber().doubleValue();
        assertTrue(after < before / 2, "prototype marginal error " + before + " -> " + after);
    }

    @Test
    void queueRowsJoinThePrototypeSumsOnlyWhenGated() {
        double[][][] s = randomScores(3, 2, 4, 3);
        double[][][] q = randomScores(4, 2, 5, 3);
        INDArray withQueue = graphCodes(s, q, 1f, 0.05, 3);
        for (int v = 0; v < 2; v++) {
            // The reference prepends the queue's scores and keeps the batch's codes, the last B rows.
            double[][] joint = new double[9][];
            System.arraycopy(q[v], 0, joint, 0, 5);
            System.arraycopy(s[v], 0, joint, 5, 4);
            double[][] ref = referenceSinkhorn(joint, 0.05, 3);
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 3; j++) {
                    assertEquals(ref[5 + i][j], withQueue.getDouble(v, i, j), 1e-5);
                }
            }
        }
        INDArray gatedOff = graphCodes(s, q, 0f, 0.05, 3);
        assertTrue(gatedOff.equalsWithEps(graphCodes(s, null, 0, 0.05, 3), 1e-6));
        assertFalse(gatedOff.equalsWithEps(withQueue, 1e-3));
    }

    /** -sum_k q_s log softmax(p_t / T), averaged over the batch, the V-1 predicting crops and the two code crops. */
    static double swappedByHand(double[][] scores, double[][][] codes, int crops, double temp) {
        int b = codes[0].length;
        double total = 0;
        for (int s = 0; s < 2; s++) {
            double perCode = 0;
            for (int t = 0; t < crops; t++) {
                if (t == s) {
                    continue;
                }
                for (int i = 0; i < b; i++) {
                    double[] row = scores[t * b + i];
                    double norm = 0;
                    for (double x : row) {
                        norm += Math.exp(x / temp);
                    }
                    for (int k = 0; k < row.length; k++) {
                        perCode -= codes[s][i][k] * (row[k] / temp - Math.log(norm)) / b;
                    }
                }
            }
            total += perCode / (crops - 1);
        }
        return total / 2;
    }

    @Test
    void swappedPredictionEqualsTheHandComputedCrossEntropy() {
        double[][] scores = {{0.2, -0.5, 0.9}, {0.1, 0.4, -0.3}, {-0.7, 0.3, 0.6}, {0.8, 0.1, -0.2},
            {0.5, 0.5, -0.9}, {-0.1, 0.2, 0.3}};
        double[][][] codes = {{{0.7, 0.2, 0.1}, {0.1, 0.1, 0.8}}, {{0.3, 0.3, 0.4}, {0.6, 0.3, 0.1}}};
        for (int crops : new int[] {2, 3}) {
            double[][] used = java.util.Arrays.copyOf(scores, crops * 2);
            SameDiff sd = SameDiff.create();
            SDVariable sc = sd.constant("scores", Nd4j.create(used).castTo(DataType.FLOAT));
            SDVariable q = sd.constant("codes", Nd4j.create(codes).castTo(DataType.FLOAT));
            SDVariable loss = SwappedPrediction.loss(sd, "loss", sc, q, sd.constant("b", Nd4j.scalar(2f)), crops, 0.1);
            assertEquals(swappedByHand(used, codes, crops, 0.1), loss.eval().getDouble(0), 1e-4, crops + " crops");
        }
    }

    @Test
    void swappedPredictionGradientsMatchFiniteDifferences() {
        INDArray scores = Nd4j.create(new double[][] {{0.2, -0.5, 0.9}, {0.1, 0.4, -0.3}, {-0.7, 0.3, 0.6},
            {0.8, 0.1, -0.2}, {0.5, 0.5, -0.9}, {-0.1, 0.2, 0.3}});
        double[][][] codes = {{{0.7, 0.2, 0.1}, {0.1, 0.1, 0.8}}, {{0.3, 0.3, 0.4}, {0.6, 0.3, 0.1}}};
        assertTrue(GradChecks.check(9, scores, (ctx, in) -> SwappedPrediction.loss(ctx.sd(), "swapped", in,
                ctx.sd().constant(Nd4j.create(codes)), ctx.sd().constant(Nd4j.scalar(2.0)), 3, 0.5)));
    }

    @Test
    void queuePushesNewestFirstAndDropsTheOldest() {
        INDArray queue = Nd4j.zeros(DataType.FLOAT, 2, 3, 2);
        // Crops: view1 rows 0-1, view2 rows 2-3, one small crop rows 4-5 that the queue ignores.
        INDArray z1 = Nd4j.create(new float[][] {{1, 0}, {0, 1}, {2, 0}, {0, 2}, {9, 9}, {9, 9}});
        EmbeddingQueue.push(queue, z1, 3);
        assertFalse(EmbeddingQueue.full(queue));
        assertEquals(Nd4j.create(new float[][] {{1, 0}, {0, 1}, {0, 0}}), queue.slice(0));
        assertEquals(Nd4j.create(new float[][] {{2, 0}, {0, 2}, {0, 0}}), queue.slice(1));
        INDArray z2 = Nd4j.create(new float[][] {{3, 0}, {0, 3}, {4, 0}, {0, 4}, {9, 9}, {9, 9}});
        EmbeddingQueue.push(queue, z2, 3);
        assertTrue(EmbeddingQueue.full(queue));
        assertEquals(Nd4j.create(new float[][] {{3, 0}, {0, 3}, {1, 0}}), queue.slice(0));
        assertEquals(Nd4j.create(new float[][] {{4, 0}, {0, 4}, {2, 0}}), queue.slice(1));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> EmbeddingQueue.push(Nd4j.zeros(DataType.FLOAT, 2, 1, 2), z1, 3));
        assertTrue(e.getMessage().contains("queue.length (1)"), e.getMessage());
    }

    @Test
    void prototypeColumnsBecomeUnitVectors() {
        INDArray w = Nd4j.create(new float[][] {{3, 0.5f}, {4, 0.5f}});
        Swav.normaliseColumns(w);
        assertEquals(Nd4j.create(new float[][] {{0.6f, 0.70710677f}, {0.8f, 0.70710677f}}), w);
        assertTrue(w.norm2(0).sub(1.0).amaxNumber().doubleValue() < 1e-6);
    }
}
