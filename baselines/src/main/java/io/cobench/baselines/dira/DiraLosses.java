package io.cobench.baselines.dira;

import io.cobench.graph.SslOps;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** DiRA's least-squares GAN losses on PatchGAN scores [N,1,h,w]. */
public final class DiraLosses {
    private DiraLosses() {
    }

    /** The generator wants its reconstructions scored real: MSE(D(rec), 1). */
    public static SDVariable generator(SameDiff sd, String name, SDVariable scoresOfReconstruction) {
        return SslOps.mseToConstant(sd, name, scoresOfReconstruction, 1.0);
    }

    /** The discriminator: 1/2 [MSE(D(y), 1) + MSE(D(sg rec), 0)]. */
    public static SDVariable discriminator(SameDiff sd, String name, SDVariable scoresOfReal, SDVariable scoresOfFake) {
        SDVariable real = SslOps.mseToConstant(sd, name + "_real", scoresOfReal, 1.0);
        SDVariable fake = SslOps.mseToConstant(sd, name + "_fake", scoresOfFake, 0.0);
        return real.add(fake).mul(name, 0.5);
    }
}
