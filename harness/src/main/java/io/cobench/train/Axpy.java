package io.cobench.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@code y += a x} in place, the one update primitive the optimisers need without temporaries. */
final class Axpy {
    private Axpy() {
    }

    static void into(INDArray y, double a, INDArray x) {
        if (!y.isView() && !x.isView() && y.ordering() == x.ordering() && y.length() == x.length()
                && y.dataType() == x.dataType()) {
            Nd4j.getBlasWrapper().level1().axpy(y.length(), a, x, y);
        } else {
            y.addi(x.mul(a));
        }
    }
}
