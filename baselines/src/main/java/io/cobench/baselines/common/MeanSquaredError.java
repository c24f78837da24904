package io.cobench.baselines.common;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** Mean squared error over every element, as torch.nn.MSELoss with its default mean reduction. */
public final class MeanSquaredError {
    private MeanSquaredError() {
    }

    /** mean((a - b)^2); a and b have the same shape. */
    public static SDVariable of(SameDiff sd, String name, SDVariable a, SDVariable b) {
        SDVariable d = a.sub(b);
        return d.mul(d).mean(name);
    }

    /** mean((a - c)^2) against a constant c (LSGAN targets 1 and 0). */
    public static SDVariable toConstant(SameDiff sd, String name, SDVariable a, double c) {
        SDVariable d = a.sub(c);
        return d.mul(d).mean(name);
    }
}
