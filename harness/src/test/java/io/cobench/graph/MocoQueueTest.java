package io.cobench.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.testing.GradChecks;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** MoCo's queue: FIFO order, state in the graph, and InfoNCE against it. */
class MocoQueueTest {

    @Test
    void keysEnterInOrderAndOverwriteTheOldestFirst() {
        SameDiff sd = SameDiff.create();
        GraphContext ctx = GraphContext.create(sd, GraphContext.Mode.TRAIN, 1);
        MocoQueue q = MocoQueue.create(ctx.scope("queue"), 5, 2);
        assertTrue(ctx.nonTrainable().contains("queue/keys"));
        assertTrue(ctx.nonTrainable().contains("queue/ptr"));
        assertEquals(0, q.pointer(sd));
        float[][] keys = {{1, 10}, {2, 20}, {3, 30}, {4, 40}, {5, 50}, {6, 60}};
        for (int b = 0; b < 3; b++) {
            q.enqueue(sd, Nd4j.createFromArray(new float[][] {keys[2 * b], keys[2 * b + 1]}));
        }
        // Rows 0..4 received keys 1..5, then key 6 replaced the oldest (row 0); next write is row 1.
        INDArray expect = Nd4j.createFromArray(new float[][] {{6, 60}, {2, 20}, {3, 30}, {4, 40}, {5, 50}});
        assertEquals(expect, sd.getArrForVarName("queue/keys"));
        assertEquals(1, q.pointer(sd));
        assertEquals(1.0, sd.getArrForVarName("queue/ptr").getDouble(0), 0.0);
    }

    @Test
    void initialKeysAreUnitVectors() {
        SameDiff sd = SameDiff.create();
        MocoQueue.create(GraphContext.create(sd, GraphContext.Mode.TRAIN, 2).scope("queue"), 7, 3);
        INDArray norms = sd.getArrForVarName("queue/keys").norm2(1);
        assertTrue(norms.equalsWithEps(Nd4j.ones(norms.dataType(), 7), 1e-5), norms.toString());
    }

    @Test
    void infoNceEqualsTheHandComputedCrossEntropy() {
        double t = 0.2;
        double[][] q = {{1, 0}, {0.6, 0.8}};
        double[][] k = {{0.8, 0.6}, {0, 1}};
        double[][] queue = {{1, 0}, {0, 1}, {-1, 0}};
        SameDiff sd = SameDiff.create();
        GraphContext ctx = GraphContext.create(sd, GraphContext.Mode.TRAIN, 3);
        MocoQueue mq = MocoQueue.create(ctx.scope("queue"), 3, 2);
        sd.getArrForVarName("queue/keys").assign(Nd4j.createFromArray(queue).castTo(DataType.FLOAT));
        SDVariable qv = sd.constant("q", Nd4j.createFromArray(q).castTo(DataType.FLOAT));
        SDVariable kv = sd.constant("k", Nd4j.createFromArray(k).castTo(DataType.FLOAT));
        double got = mq.infoNce(sd, "nce", qv, kv, t).eval().getDouble(0);
        INDArray logits = mq.logits(sd, "logits", qv, kv, t).eval();

        double expect = 0;
        for (int i = 0; i < 2; i++) {
            double[] l = new double[4];
            l[0] = (q[i][0] * k[i][0] + q[i][1] * k[i][1]) / t;
            for (int j = 0; j < 3; j++) {
                l[j + 1] = (q[i][0] * queue[j][0] + q[i][1] * queue[j][1]) / t;
                assertEquals(l[j + 1], logits.getDouble(i, j + 1), 1e-5);
            }
            assertEquals(l[0], logits.getDouble(i, 0), 1e-5);
            double z = 0;
            for (double v : l) {
                z += Math.exp(v);
            }
            expect += -(l[0] - Math.log(z)) / 2;
        }
        // Row 0: logits 4, 5, 0, -5; row 1: 4, 3, 4, -3.
        assertEquals(expect, got, 1e-5);
    }

    @Test
    void aWeightOnInfoNceScalesItsGradient() {
        SameDiff sd = SameDiff.create();
        GraphContext ctx = GraphContext.create(sd, GraphContext.Mode.TRAIN, 4);
        MocoQueue mq = MocoQueue.create(ctx.scope("queue"), 4, 3);
        SDVariable q = sd.var("q", Nd4j.randn(DataType.FLOAT, 2, 3));
        SDVariable k = sd.constant("k", Nd4j.randn(DataType.FLOAT, 2, 3));
        SDVariable nce = mq.infoNce(sd, "nce", q, k, 0.2);
        nce.mul("once", 1.0);
        nce.mul("thrice", 3.0);
        sd.setLossVariables("once");
        INDArray g1 = sd.calculateGradients(java.util.Map.of(), "q").get("q");
        sd.setLossVariables("thrice");
        INDArray g3 = sd.calculateGradients(java.util.Map.of(), "q").get("q");
        assertTrue(g1.mul(3).equalsWithEps(g3, 1e-5), g1 + " vs " + g3);
    }

    @Test
    void infoNceHasCorrectGradientsForTheQuery() {
        INDArray k = Nd4j.randn(DataType.DOUBLE, 3, 4);
        assertTrue(GradChecks.check(31, Nd4j.randn(DataType.DOUBLE, 3, 4), (ctx, x) -> {
            MocoQueue mq = MocoQueue.create(ctx.scope("queue"), 6, 4);
            return mq.infoNce(ctx.sd(), "nce", x, ctx.sd().constant("k", k), 0.2);
        }));
    }
}
