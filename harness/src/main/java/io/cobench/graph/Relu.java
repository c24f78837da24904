package io.cobench.graph;

import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * ReLU as libnd4j's custom {@code relu} op, with {@code relu_bp} as its backward.
 *
 * <p>SameDiff's own ReLU differentiates through {@code thresholdedrelu_bp}, which in M2.1 takes
 * 21 ms on a 16 MB activation where {@code relu_bp} takes 4.6 ms (and PyTorch 1.3 ms): ReLU
 * backward was 6% of a ResNet-18 step. Both compute dL/dx = dL/dy where x > 0, else 0.
 */
public final class Relu extends SameTypeOp {
    static {
        register();
    }

    /** For the FlatBuffers clone; the threshold comes back through the float arguments. */
    public Relu() {
    }

    public Relu(SameDiff sd, SDVariable x) {
        super(sd, x);
        addTArgument(0.0);
    }

    @Override
    public String opName() {
        return "relu";
    }

    @Override
    public List<SDVariable> doDiff(List<SDVariable> grads) {
        return List.of(new Backward(sameDiff, arg(), grads.get(0)).outputVariable());
    }

    /** {@code relu_bp}: the incoming gradient where the input is positive. */
    public static final class Backward extends SameTypeOp {
        public Backward() {
        }

        Backward(SameDiff sd, SDVariable x, SDVariable grad) {
            super(sd, x, grad);
            addTArgument(0.0);
        }

        @Override
        public String opName() {
            return "relu_bp";
        }

        @Override
        public List<SDVariable> doDiff(List<SDVariable> grads) {
            throw new UnsupportedOperationException("no second derivative of relu");
        }
    }

    /** Points graph cloning at these classes for {@code relu} and {@code relu_bp}; idempotent. */
    public static void register() {
        OpClasses.register(Map.of("relu", Relu.class, "relu_bp", Backward.class));
    }
}
