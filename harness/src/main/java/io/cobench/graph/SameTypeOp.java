package io.cobench.graph;

import java.util.Collections;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.DynamicCustomOp;

/** A libnd4j custom op with one output of its first input's data type: the shape of our op classes. */
abstract class SameTypeOp extends DynamicCustomOp {
    /** For the FlatBuffers clone, which restores the arguments itself. */
    SameTypeOp() {
    }

    SameTypeOp(SameDiff sd, SDVariable... inputs) {
        super(null, sd, inputs, false);
    }

    @Override
    public List<DataType> calculateOutputDataTypes(List<DataType> in) {
        return Collections.singletonList(in.get(0));
    }
}
