package io.cobench.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * libnd4j's fused {@code batchnorm} op with a backward pass that works in M2.1.
 *
 * <p>ND4J's own BatchNorm class keeps its axis in a Java field that is lost when SameDiff clones
 * the graph through FlatBuffers to build the gradient function, so its backward cannot be built.
 * This class reads the axis back from the op's integer arguments, which survive the clone. The
 * clone is created from the class registered for the op's hash, so {@link #register()} points
 * that registry entry here.
 *
 * <p>The backward ({@link #doDiff}) is the full training-mode derivative with respect to the
 * input, treating the given mean and variance as the batch statistics of that input, and zeros for
 * the mean and variance, as libnd4j's {@code batchnorm_bp} (kept as {@link Backward}, the fallback)
 * defines it. Callers therefore pass the batch statistics of {@code x} and must not let a second
 * gradient flow through them.
 */
public final class FusedBatchNorm extends SameTypeOp {
    static {
        register();
    }

    private static final boolean NATIVE_BACKWARD = "native".equals(System.getProperty("cobench.bnbp"));
    /** {@code -Dcobench.bn.dgamma=product}: dgamma as a product and a sum, for the suite's ablation. */
    private static final boolean DGAMMA_DOT = !"product".equals(System.getProperty("cobench.bn.dgamma"));

    /** For the FlatBuffers clone; arguments come back through the integer and float arguments. */
    public FusedBatchNorm() {
    }

    /** Normalises {@code x} of the given rank over {@code axis} (libnd4j's fused op supports axis 1 here). */
    public FusedBatchNorm(SameDiff sd, SDVariable x, SDVariable mean, SDVariable variance, SDVariable gamma,
                           SDVariable beta, double eps, int axis, int rank) {
        super(sd, x, mean, variance, gamma, beta);
        addIArgument(1, 1, axis);
        // libnd4j reads only the first float argument (eps); the second carries the input rank
        // through the FlatBuffers clone, where variable shapes are not kept, for doDiff
        addTArgument(eps, rank);
    }

    @Override
    public String opName() {
        return "batchnorm";
    }

    /**
     * The full training-mode derivative, built from the forward op and a few cheap ops rather than
     * libnd4j's {@code batchnorm_bp}. With xhat = (x - mean) / sqrt(var + eps), per channel over
     * its N elements:
     * dbeta = sum(dy), dgamma = sum(dy xhat), dx = gamma / sqrt(var + eps) (dy - dbeta / N) - xhat gamma / sqrt(var + eps) dgamma / N.
     * Both oneDNN's and libnd4j's {@code batchnorm_bp} in M2.1 first compute the derivative with
     * the statistics held fixed and then add the statistics' terms in about ten more passes over the
     * activation; on a [64, 64, 56, 56] activation that took 382 ms, against about 40 ms for this
     * composition (docs/performance-notes.md). The gradients of mean and variance are zero, as
     * {@code batchnorm_bp} returns them.
     */
    @Override
    public List<SDVariable> doDiff(List<SDVariable> grads) {
        SDVariable[] a = args();
        int rank = tArgs().length > 1 ? (int) tArgs()[1] : -1;
        if (rank < 2 || iArgs().length != 3 || iArgs()[2] != 1 || NATIVE_BACKWARD) {
            return nativeBackward(grads);
        }
        SameDiff sd = sameDiff;
        SDVariable x = a[0];
        SDVariable mean = a[1];
        SDVariable var = a[2];
        SDVariable gamma = a[3];
        SDVariable dy = grads.get(0);
        int[] reduce = new int[rank - 1];
        long[] channelShape = new long[rank];
        Arrays.fill(channelShape, 1);
        channelShape[1] = -1;
        for (int i = 0, j = 0; i < rank; i++) {
            if (i != 1) {
                reduce[j++] = i;
            }
        }
        double eps = tArgs()[0];
        // Constants, not ops: every op costs a fixed overhead per step in SameDiff
        long c = gamma.getArr().length();
        DataType t = gamma.dataType();
        SDVariable ones = sd.constant(Nd4j.ones(t, c));
        SDVariable zeros = sd.constant(Nd4j.zeros(t, c));
        SDVariable xhat = new FusedBatchNorm(sd, x, mean, var, ones, zeros, eps, 1, rank).outputVariable();
        SDVariable dBeta = dy.sum(reduce);
        // One reduce3 pass instead of a product written out and read back: the same sums in the
        // same order (bit-equal), about half the time on large maps (performance-notes section 16)
        SDVariable dGamma = DGAMMA_DOT ? dy.dot(xhat, reduce) : dy.mul(xhat).sum(reduce);
        // 1 / N = C / (elements of x), from the data so that the batch size may vary
        SDVariable nInv = sd.size(x).castTo(t).rdiv((double) c);
        // gamma (dy - dbeta / N) / sqrt(var + eps) is the forward op applied to dy with mean dbeta / N
        SDVariable centred = new FusedBatchNorm(sd, dy, dBeta.mul(nInv), var, gamma, zeros, eps, 1, rank)
                .outputVariable();
        SDVariable k = gamma.mul(sd.math().rsqrt(var.add(eps))).mul(dGamma).mul(nInv).reshape(channelShape);
        SDVariable dx = centred.sub(xhat.mul(k));
        return List.of(dx, sd.constant(Nd4j.zeros(t, c)), sd.constant(Nd4j.zeros(t, c)), dGamma, dBeta);
    }

    private List<SDVariable> nativeBackward(List<SDVariable> grads) {
        List<SDVariable> in = new ArrayList<>(Arrays.asList(args()));
        in.add(grads.get(0));
        Backward bp = new Backward(sameDiff, in.toArray(new SDVariable[0]), iArgs(), tArgs());
        return Arrays.asList(bp.outputVariables());
    }

    /** {@code batchnorm_bp}: outputs the gradients of input, mean, variance, gamma and beta. */
    public static final class Backward extends DynamicCustomOp {
        public Backward() {
        }

        Backward(SameDiff sd, SDVariable[] in, long[] iArgs, double[] tArgs) {
            super(null, sd, in, false);
            addIArgument(iArgs);
            addTArgument(tArgs);
        }

        @Override
        public String opName() {
            return "batchnorm_bp";
        }

        /** Input, mean and variance gradients, then gamma's and beta's when applied (SameDiff would take libnd4j's minimum, 3). */
        @Override
        public int getNumOutputs() {
            long[] i = iArgs();
            return 3 + (int) i[0] + (int) i[1];
        }

        @Override
        public List<DataType> calculateOutputDataTypes(List<DataType> in) {
            return Collections.nCopies(getNumOutputs(), in.get(0));
        }

        @Override
        public List<SDVariable> doDiff(List<SDVariable> grads) {
            throw new UnsupportedOperationException("no second derivative of batch norm");
        }
    }

    /** Points graph cloning at these classes for the two op names; idempotent. */
    public static void register() {
        OpClasses.register(Map.of("batchnorm", FusedBatchNorm.class, "batchnorm_bp", Backward.class));
    }
}
