package io.cobench.coboom;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** The loss functions CoBooM combines. */
public final class Losses {
    private Losses() {
    }

    /** d(a,b) = 2 - 2 mean_i cos(a_i, b_i) for [N,F] inputs: BYOL's normalised regression loss. */
    public static SDVariable regression(SameDiff sd, String name, SDVariable a, SDVariable b) {
        SDVariable cos = Quantizer.unitRows(sd, a).mul(Quantizer.unitRows(sd, b)).sum(1);
        return cos.mean().mul(-2.0).add(name, 2.0);
    }

    /** Mean over all elements of (a - b)^2. */
    public static SDVariable mse(SameDiff sd, String name, SDVariable a, SDVariable b) {
        SDVariable d = a.sub(b);
        return d.mul(d).mean(name);
    }
}
