package io.cobench.graph;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * MoCo's queue of negative keys: a [K, D] graph state variable {@code keys} of unit rows and a
 * one-element state variable {@code ptr}, the row the next key is written to. Both live in the
 * graph, so checkpoints hold them and a resumed run continues the same FIFO.
 *
 * <p>Keys enter with {@link #enqueue} after each step (MoCo's dequeue-and-enqueue: the oldest
 * rows are overwritten in order, wrapping at K). The pointer is stored as a float, exact for
 * every K below 2^24.
 */
public final class MocoQueue {
    private final String keysName;
    private final String ptrName;
    private final int size;
    private final int dim;

    private MocoQueue(String keysName, String ptrName, int size, int dim) {
        this.keysName = keysName;
        this.ptrName = ptrName;
        this.size = size;
        this.dim = dim;
    }

    /** Creates the queue's state under {@code ctx}'s scope, filled with random unit vectors as MoCo starts. */
    public static MocoQueue create(GraphContext ctx, int size, int dim) {
        if (size < 1 || dim < 1 || size >= (1 << 24)) {
            throw new IllegalArgumentException("MoCo queue needs 1 <= size < 2^24 and dim >= 1, got " + size + ", " + dim);
        }
        INDArray init = ctx.gaussian(1.0, size, dim);
        init.diviColumnVector(init.norm2(1).reshape(size, 1));
        SDVariable keys = ctx.state("keys", init);
        SDVariable ptr = ctx.state("ptr", Nd4j.zeros(Nd4j.defaultFloatingPointType(), 1));
        return new MocoQueue(keys.name(), ptr.name(), size, dim);
    }

    public int size() {
        return size;
    }

    /**
     * MoCo's logits [N, 1+K]: column 0 is q.k (the positive), the rest q against every queued key,
     * all divided by the temperature. q and k are [N, D] and should be unit rows.
     */
    public SDVariable logits(SameDiff sd, String name, SDVariable q, SDVariable k, double temperature) {
        return sd.concat(1, positive(q, k), negatives(sd, q)).div(name, temperature);
    }

    /**
     * InfoNCE: cross-entropy of {@link #logits} with the positive in column 0, averaged over the
     * batch: {@code -mean_i logSoftmax(logits_i)[0]}.
     *
     * <p>Not built on {@code sd.loss().softmaxCrossEntropy}: in M2.1 its backward ignores the
     * gradient arriving from above, so a weighted term (c * NCE) would train as if c were 1.
     * logSoftmax over the last dimension (the default) has a working backward.
     */
    public SDVariable infoNce(SameDiff sd, String name, SDVariable q, SDVariable k, double temperature) {
        SDVariable pos = positive(q, k);
        SDVariable neg = negatives(sd, q);
        SDVariable logits = sd.concat(1, pos, neg).div(name + "_logits", temperature);
        SDVariable positiveColumn = sd.concat(1, sd.onesLike(pos), sd.zerosLike(neg));
        return sd.nn().logSoftmax(logits).mul(positiveColumn).sum(1).mean().neg(name);
    }

    private static SDVariable positive(SDVariable q, SDVariable k) {
        return q.mul(k).sum(true, 1);
    }

    private SDVariable negatives(SameDiff sd, SDVariable q) {
        return q.mmul(sd.transpose(sd.getVariable(keysName)));
    }

    /** Writes {@code keys} [N, D] into the rows at the pointer, in order and wrapping, and advances it. */
    public void enqueue(SameDiff sd, INDArray keys) {
        if (keys.rank() != 2 || keys.columns() != dim) {
            throw new IllegalArgumentException("keys must be [N, " + dim + "], got " + java.util.Arrays.toString(keys.shape()));
        }
        INDArray q = sd.getArrForVarName(keysName);
        INDArray p = sd.getArrForVarName(ptrName);
        long ptr = pointer(sd);
        long n = keys.rows();
        for (long i = 0; i < n; i++) {
            q.putRow((ptr + i) % size, keys.getRow(i).castTo(q.dataType()));
        }
        p.putScalar(0, (ptr + n) % size);
    }

    /** The row the next key goes to. */
    public long pointer(SameDiff sd) {
        return Math.round(sd.getArrForVarName(ptrName).getDouble(0));
    }
}
