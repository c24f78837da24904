package io.cobench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

class OpThreadsTest {

    /** Records the calling thread's OpenMP thread count as each op finishes, by output name. */
    private static final class Threads extends BaseListener {
        final Map<String, Integer> seen = new LinkedHashMap<>();

        @Override
        public boolean isActive(Operation operation) {
            return true;
        }

        @Override
        public void opExecution(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, OpContext ctx,
                                INDArray[] outputs) {
            seen.put(op.getOutputsOfOp().get(0), OpThreads.current());
        }
    }

    @Test
    void smallOpsRunOnOneThreadLargeOnesOnAllAndTheSettingIsRestoredAfterTheCall() {
        RecyclingSession.install();
        int all = OpThreads.current();
        assumeTrue(all > 1, "one OpenMP thread only: nothing to choose");
        long big = OpThreads.SMALL_OP;
        assumeTrue(big > 0, "cobench.threads.small=0 turns the choice off");
        SameDiff sd = SameDiff.create();
        SDVariable small = sd.placeHolder("small", DataType.FLOAT, 2, 3);
        SDVariable large = sd.placeHolder("large", DataType.FLOAT, 1, big);
        small.mul(2).rename("smallOut");
        large.mul(2).rename("largeOut");
        Threads t = new Threads();
        sd.setListeners(t);
        Map<String, INDArray> out = sd.output(Map.of("small", Nd4j.ones(DataType.FLOAT, 2, 3),
                "large", Nd4j.ones(DataType.FLOAT, 1, big)), "smallOut", "largeOut");
        assertEquals(1, t.seen.get("smallOut"), "6 elements");
        assertEquals(all, t.seen.get("largeOut"), big + " elements");
        assertEquals(all, OpThreads.current(), "after the call");
        assertEquals(12.0, out.get("smallOut").sumNumber().doubleValue(), 0.0);
        assertEquals(2.0 * big, out.get("largeOut").sumNumber().doubleValue(), 0.0);
    }

    private static OpContext context(INDArray[] in, INDArray... out) {
        OpContext oc = Nd4j.getExecutioner().buildContext();
        oc.setInputArrays(in);
        oc.setOutputArrays(out);
        return oc;
    }

    @Test
    void convolutionsAndProductsAreJudgedByTheirMultiplyAdds() {
        INDArray x = Nd4j.zeros(DataType.FLOAT, 2, 3, 8, 8);
        INDArray w = Nd4j.zeros(DataType.FLOAT, 3, 3, 3, 4); // [kH, kW, in 3, out 4]
        INDArray y = Nd4j.zeros(DataType.FLOAT, 2, 4, 8, 8);
        // 512 outputs, each 3 x 3 x 3 = 27 multiply-adds
        assertEquals(512 * 27, OpThreads.multiplyAdds("conv2d", context(new INDArray[] {x, w}, y)));
        // input and weight gradients: twice the forward
        assertEquals(2 * 512 * 27, OpThreads.multiplyAdds("conv2d_bp", context(new INDArray[] {x, w, y}, x.dup(), w.dup())));
        // deconv2d weights [kH, kW, out 3, in 4]: each of the 512 input elements spreads over 3 x 3 x 3
        assertEquals(512 * 27, OpThreads.multiplyAdds("deconv2d", context(new INDArray[] {y, w}, x)));
        INDArray a = Nd4j.zeros(DataType.FLOAT, 5, 7);
        INDArray b = Nd4j.zeros(DataType.FLOAT, 7, 3);
        assertEquals(5 * 7 * 3, OpThreads.multiplyAdds("matmul", context(new INDArray[] {a, b}, Nd4j.zeros(DataType.FLOAT, 5, 3))));
        assertEquals(-1, OpThreads.multiplyAdds("add", context(new INDArray[] {a, a}, a.dup())), "judged by its arrays");
    }
}
