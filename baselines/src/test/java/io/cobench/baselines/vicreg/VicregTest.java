package io.cobench.baselines.vicreg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cobench.cli.UserError;
import io.cobench.graph.MlpConfig;
import io.cobench.io.Json;
import io.cobench.spi.MethodRegistry;
import io.cobench.spi.SslMethod;
import io.cobench.testing.GradChecks;
import io.cobench.testing.MethodContractTest;
import io.cobench.run.RunConfig;
import io.cobench.train.TrainingSession;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class VicregTest extends MethodContractTest {
    /** Two views of three images, D = 3: rows 0-2 are z, rows 3-5 are z'. */
    private static final double[][] Z = {
        {0.5, 1.0, -0.2}, {1.5, -0.3, 0.4}, {0.2, 0.8, 1.1},
        {0.7, 0.9, 0.1}, {1.1, -0.6, 0.5}, {-0.4, 1.2, 0.9}};

    static VicregConfig tiny() {
        return new VicregConfig(new MlpConfig(3, 32, 32, true, false), 25, 25, 1, VarianceForm.HALVED, 1e-4);
    }

    @Override
    protected SslMethod method() {
        return new Vicreg("vicreg", tiny());
    }

    private static double[][] branch(int from) {
        return new double[][] {Z[from], Z[from + 1], Z[from + 2]};
    }

    private static double[] mean(double[][] x) {
        double[] m = new double[x[0].length];
        for (double[] r : x) {
            for (int k = 0; k < m.length; k++) {
                m[k] += r[k] / x.length;
            }
        }
        return m;
    }

    /** mean_d relu(1 - sqrt(unbiased var_d + 1e-4)). */
    private static double varianceHinge(double[][] x) {
        double[] m = mean(x);
        double s = 0;
        for (int k = 0; k < m.length; k++) {
            double v = 0;
            for (double[] r : x) {
                v += (r[k] - m[k]) * (r[k] - m[k]);
            }
            v /= x.length - 1;
            s += Math.max(0, 1 - Math.sqrt(v + 1e-4));
        }
        return s / m.length;
    }

    /** Sum of squared off-diagonal entries of the unbiased covariance, over D. */
    private static double offDiagonal(double[][] x) {
        double[] m = mean(x);
        int d = m.length;
        double s = 0;
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                if (a == b) {
                    continue;
                }
                double c = 0;
                for (double[] r : x) {
                    c += (r[a] - m[a]) * (r[b] - m[b]);
                }
                c /= x.length - 1;
                s += c * c;
            }
        }
        return s / d;
    }

    private static Map<String, INDArray> evalTerms(VarianceForm form) {
        SameDiff sd = SameDiff.create();
        SDVariable z = sd.constant("z", Nd4j.create(Z).castTo(DataType.FLOAT));
        SDVariable b = sd.constant("b", Nd4j.scalar(3f));
        VicregLoss.Terms t = VicregLoss.terms(sd, "v", z, b, 3, form, 1e-4);
        return sd.output(Map.of(), t.invariance().name(), t.variance().name(), t.covariance().name());
    }

    @Test
    void invarianceIsTheMeanSquaredDifferenceOfTheViews() {
        double s = 0;
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                s += (Z[i][k] - Z[i + 3][k]) * (Z[i][k] - Z[i + 3][k]);
            }
        }
        assertEquals(s / 9, evalTerms(VarianceForm.HALVED).get("v/invariance").getDouble(0), 1e-6);
    }

    @Test
    void varianceTermHalvedAsTheReferenceOrSummedAsSoloLearn() {
        double a = varianceHinge(branch(0));
        double b = varianceHinge(branch(3));
        assertTrue(a > 0.1 && b > 0.1, "the example must have active hinges: " + a + ", " + b);
        assertEquals((a + b) / 2, evalTerms(VarianceForm.HALVED).get("v/variance").getDouble(0), 1e-6);
        assertEquals(a + b, evalTerms(VarianceForm.SUMMED).get("v/variance").getDouble(0), 1e-6);
    }

    @Test
    void covarianceTermIsTheOffDiagonalSumOverD() {
        double expect = offDiagonal(branch(0)) + offDiagonal(branch(3));
        assertTrue(expect > 0.01);
        assertEquals(expect, evalTerms(VarianceForm.HALVED).get("v/covariance").getDouble(0), 1e-6);
    }

    @Test
    void gradientsOfAllTermsMatchFiniteDifferences() {
        INDArray z = Nd4j.create(Z);
        assertTrue(GradChecks.check(5, z, (ctx, in) -> {
            VicregLoss.Terms t = VicregLoss.terms(ctx.sd(), "v", in, ctx.sd().constant(Nd4j.scalar(3.0)), 3,
                    VarianceForm.HALVED, 1e-4);
            return t.invariance().mul(25).add(t.variance().mul(25)).add(t.covariance());
        }));
    }

    @Test
    void eachTermIsLoggedAndTheTotalIsTheirWeightedSum() {
        TrainingSession s = session(1);
        assertEquals(List.of("loss", "invariance", "variance", "covariance"), List.copyOf(s.graph().lossTerms().keySet()));
        Map<String, Double> l = s.step(0, data().batch(0)).losses();
        assertEquals(25 * l.get("invariance") + 25 * l.get("variance") + l.get("covariance"), l.get("loss"),
                1e-5 * l.get("loss"));
        assertTrue(l.get("variance") > 0 && l.get("covariance") > 0 && l.get("invariance") > 0, l.toString());
    }

    @Test
    void varianceFormIsReadFromYamlAndBadValuesAreNamed() throws Exception {
        MethodRegistry r = MethodRegistry.load();
        assertEquals("VICReg", r.provider("vicreg").tableRow("vicreg"));
        JsonNode p = Json.YAML.readTree("varianceForm: summed\n");
        assertEquals(VarianceForm.SUMMED, ((VicregConfig) r.resolveConfig("vicreg", p)).varianceForm());
        assertEquals(VarianceForm.HALVED, ((VicregConfig) r.resolveConfig("vicreg", null)).varianceForm());
        UserError e = assertThrows(UserError.class,
                () -> r.resolveConfig("vicreg", Json.YAML.readTree("varianceForm: half\n")));
        assertTrue(e.getMessage().contains("'half'"), e.getMessage());
        assertEquals("halved", Json.JSON.valueToTree(VicregConfig.paper()).get("varianceForm").asText());
        for (String scale : List.of("cpu", "paper")) {
            RunConfig rc = RunConfig.load(Path.of("../configs", scale, "vicreg.yaml"));
            VicregConfig c = (VicregConfig) r.resolveConfig(rc.method(), rc.params());
            assertEquals(VarianceForm.HALVED, c.varianceForm());
            assertEquals(3, c.expander().depth());
            assertEquals(scale.equals("cpu") ? 256 : 2048, c.expander().out());
            assertEquals(25.0, c.invarianceWeight());
            assertEquals(1.0, c.covarianceWeight());
        }
    }

    @Test
    void paperPresetHasTheOfficialLarsSchedule() {
        // main_vicreg.py: lr 0.2 x B/256, wd 1e-6, 10 warmup epochs, cosine to 0.001 x the peak.
        RunConfig rc = RunConfig.load(Path.of("../configs/paper/vicreg.yaml"));
        assertEquals(0.05, rc.train().optimizer().peakLr(rc.train().batchSize()), 1e-12);
        assertEquals(1e-6, rc.train().optimizer().weightDecay());
        assertEquals(0.001, rc.train().optimizer().finalLrFraction());
        assertEquals(10.0 / 300, rc.train().optimizer().warmupFraction(), 1e-4);
    }
}
