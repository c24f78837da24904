package io.cobench.baselines.common;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;

/** Loss pieces shared by several methods, built from ops with a working backward in M2.1. */
public final class Losses {
    private Losses() {
    }

    /** Rows of [N,D] scaled to unit L2 norm (eps guards zero rows). */
    public static SDVariable l2Normalize(SameDiff sd, SDVariable x) {
        SDVariable n = x.norm2(true, 1).add(1e-12);
        return x.div(n);
    }

    /** mean over rows of cos(a_i, b_i); a and b are [N,D]. */
    public static SDVariable meanCosine(SameDiff sd, SDVariable a, SDVariable b) {
        return l2Normalize(sd, a).mul(l2Normalize(sd, b)).sum(1).mean();
    }

    /** BYOL's regression loss d(a,b) = 2 - 2 mean cos(a,b). */
    public static SDVariable byolRegression(SameDiff sd, SDVariable a, SDVariable b) {
        return meanCosine(sd, a, b).mul(-2.0).add(2.0);
    }

    public static SDVariable stopGradient(SameDiff sd, SDVariable x) {
        return new StopGradient(sd, x).outputVariable();
    }
}
