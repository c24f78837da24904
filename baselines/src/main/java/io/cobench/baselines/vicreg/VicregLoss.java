package io.cobench.baselines.vicreg;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * VICReg's three terms on the expanded embeddings of the two views, unweighted.
 *
 * <p>Input z is [2B, D] with rows 0..B-1 from view 1 and B..2B-1 from view 2. The halves are never
 * sliced (slicing backward is untested in M2.1): z is reshaped to [2, B, D] and the per-branch
 * statistics are reductions over axis 1; the view difference is [1, -1] times z seen as [2, B*D].
 *
 * <ul>
 *   <li>invariance = MSE(z, z') = mean over B*D of (z - z')^2</li>
 *   <li>variance = v(z) + v(z') (summed, solo-learn) or their mean (halved, the reference), with
 *       v(z) = mean_d relu(1 - sqrt(Var_d z + eps)) and the unbiased variance</li>
 *   <li>covariance = c(z) + c(z'), c(z) = sum of squared off-diagonal entries of
 *       C = (z - mean)^T (z - mean) / (B - 1), divided by D</li>
 * </ul>
 */
public final class VicregLoss {

    /** The three terms as graph scalars. */
    public record Terms(SDVariable invariance, SDVariable variance, SDVariable covariance) {
    }

    private VicregLoss() {
    }

    /**
     * @param z [2B, D] embeddings
     * @param batch B as a scalar without a gradient path
     * @param d embedding width D
     */
    public static Terms terms(SameDiff sd, String scope, SDVariable z, SDVariable batch, int d,
                              VarianceForm form, double eps) {
        INDArray sign = Nd4j.create(new double[][] {{1, -1}}).castTo(z.dataType());
        SDVariable diff = sd.constant(scope + "/view_sign", sign).mmul(z.reshape(2, -1));
        SDVariable invariance = diff.mul(diff).mean(scope + "/invariance");

        SDVariable z3 = z.reshape(2, -1, d);
        SDVariable centred = z3.sub(z3.mean(true, 1));
        SDVariable dof = batch.sub(1.0);
        SDVariable var = centred.mul(centred).sum(1).div(dof);
        SDVariable std = sd.math().sqrt(var.add(eps));
        SDVariable perBranch = sd.nn().relu(std.rsub(1.0), 0.0).mean(1);
        SDVariable variance = form == VarianceForm.HALVED
                ? perBranch.mean(scope + "/variance") : perBranch.sum(scope + "/variance");

        SDVariable cov = centred.permute(0, 2, 1).mmul(centred).div(dof);
        INDArray off = Nd4j.ones(z.dataType(), 1, d, d).subi(Nd4j.eye(d).castTo(z.dataType()).reshape(1, d, d));
        SDVariable offDiag = cov.mul(sd.constant(scope + "/off_diagonal", off));
        SDVariable covariance = offDiag.mul(offDiag).sum(1, 2).div(d).sum(scope + "/covariance");
        return new Terms(invariance, variance, covariance);
    }
}
