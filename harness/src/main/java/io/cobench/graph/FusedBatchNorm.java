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

/**
 * libnd4j's fused {@code batchnorm} op with a backward pass that works in M2.1.
 *
 * <p>ND4J's own BatchNorm class keeps its axis in a Java field that is lost when SameDiff clones
 * the graph through FlatBuffers to build the gradient function, so its backward cannot be built.
 * This class reads the axis back from the op's integer arguments, which survive the clone. The
 * clone is created from the class registered for the op's hash, so {@link #register()} points
 * that registry entry here.
 *
 * <p>libnd4j's {@code batchnorm_bp} returns the full training-mode derivative with respect to the
 * input, treating the given mean and variance as the batch statistics of that input, and zeros for
 * the mean and variance. Callers therefore pass the batch statistics of {@code x} and must not let
 * a second gradient flow through them.
 */
public final class FusedBatchNorm extends DynamicCustomOp {
    static {
        register();
    }

    /** For the FlatBuffers clone; arguments come back through the integer and float arguments. */
    public FusedBatchNorm() {
    }

    public FusedBatchNorm(SameDiff sd, SDVariable x, SDVariable mean, SDVariable variance, SDVariable gamma,
                          SDVariable beta, double eps, int axis) {
        super(null, sd, new SDVariable[] {x, mean, variance, gamma, beta}, false);
        addIArgument(1, 1, axis);
        addTArgument(eps);
    }

    @Override
    public String opName() {
        return "batchnorm";
    }

    @Override
    public List<DataType> calculateOutputDataTypes(List<DataType> in) {
        return Collections.singletonList(in.get(0));
    }

    @Override
    public List<SDVariable> doDiff(List<SDVariable> grads) {
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
