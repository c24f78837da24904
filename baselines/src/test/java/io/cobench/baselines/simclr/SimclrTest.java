package io.cobench.baselines.simclr;

import io.cobench.graph.SslOps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.graph.MlpConfig;
import io.cobench.spi.MethodRegistry;
import io.cobench.spi.SslMethod;
import io.cobench.testing.MethodContractTest;
import io.cobench.run.RunConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SimclrTest extends MethodContractTest {

    static SimclrConfig tiny() {
        return new SimclrConfig(new MlpConfig(2, 32, 16, true, false), 0.1);
    }

    @Override
    protected SslMethod method() {
        return new Simclr("simclr", tiny());
    }

    /** NT-Xent written out: rows normalised, positive at (i + B) mod 2B, log-sum-exp over j != i. */
    static double ntXentByHand(double[][] raw, double tau) {
        int n = raw.length;
        int b = n / 2;
        double[][] z = new double[n][];
        for (int i = 0; i < n; i++) {
            double norm = 0;
            for (double v : raw[i]) {
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            z[i] = new double[raw[i].length];
            for (int k = 0; k < raw[i].length; k++) {
                z[i][k] = raw[i][k] / norm;
            }
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            double sumExp = 0;
            double pos = 0;
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < z[i].length; k++) {
                    s += z[i][k] * z[j][k];
                }
                s /= tau;
                if (j != i) {
                    sumExp += Math.exp(s);
                }
                if (j == (i + b) % n) {
                    pos = s;
                }
            }
            total += -pos + Math.log(sumExp);
        }
        return total / n;
    }

    /** One graph, fed batches of 2 and 3 images: the mask and positives follow the batch size. */
    @Test
    void lossEqualsDirectLogSumExpForAnyBatchSize() {
        SameDiff sd = SameDiff.create();
        SDVariable z = sd.placeHolder("z", DataType.FLOAT, -1, 3);
        SDVariable images = sd.placeHolder("images", DataType.FLOAT, -1, 1, 1, 1);
        SDVariable loss = NtXent.loss(sd, "loss", SslOps.unitRows(sd, z), SslOps.batchOnes(sd, images), 0.5);
        double[][] four = {{1, 2, 0.5}, {-1, 0.3, 2}, {0.9, 2.2, 0.1}, {-0.5, 0.1, 1.5}};
        double[][] six = {{1, 0, 0.2}, {0, 1, 0.4}, {0.3, 0.3, 1}, {0.9, 0.1, 0.1}, {-0.2, 1.1, 0.3}, {2, -1, 0.5}};
        for (double[][] raw : new double[][][] {four, six}) {
            INDArray zIn = Nd4j.create(raw).castTo(DataType.FLOAT);
            INDArray img = Nd4j.zeros(DataType.FLOAT, raw.length / 2, 1, 1, 1);
            double got = sd.output(Map.of("z", zIn, "images", img), "loss").get("loss").getDouble(0);
            assertEquals(ntXentByHand(raw, 0.5), got, 1e-5, "batch of " + raw.length / 2);
        }
        // The hand computation itself: aligned positives beat the value log(2B - 1) of uninformative embeddings.
        assertTrue(ntXentByHand(four, 0.5) < Math.log(3));
    }

    @Test
    void lossAtTemperatureOneTenthStaysFiniteAndExact() {
        SameDiff sd = SameDiff.create();
        double[][] raw = {{1, 2, 0.5}, {-1, 0.3, 2}, {0.9, 2.2, 0.1}, {-0.5, 0.1, 1.5}};
        SDVariable z = sd.constant("z", Nd4j.create(raw).castTo(DataType.FLOAT));
        SDVariable ones = sd.constant("ones", Nd4j.ones(DataType.FLOAT, 2));
        NtXent.loss(sd, "loss", SslOps.unitRows(sd, z), ones, 0.1);
        assertEquals(ntXentByHand(raw, 0.1), sd.output(Map.of(), "loss").get("loss").getDouble(0), 1e-4);
    }

    /**
     * Central differences in double precision. Written here rather than with GradChecks: that helper
     * scales the output by a probe, and SameDiff registers every sd.loss() output as a loss variable
     * of its own, so GradCheckUtil then differentiates the unscaled loss and reports a false mismatch.
     */
    @Test
    void gradientsMatchFiniteDifferences() {
        DataType saved = Nd4j.defaultFloatingPointType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        try {
            INDArray raw = Nd4j.create(new double[][] {{1, 2, 0.5}, {-1, 0.3, 2}, {0.9, 2.2, 0.1}, {-0.5, 0.1, 1.5}});
            SameDiff sd = SameDiff.create();
            SDVariable in = sd.var("in", raw);
            NtXent.loss(sd, "loss", SslOps.unitRows(sd, in), sd.constant(Nd4j.ones(DataType.DOUBLE, 2)), 0.5);
            sd.setLossVariables("loss");
            INDArray analytic = sd.calculateGradients(Map.of(), "in").get("in");
            INDArray w = sd.getArrForVarName("in");
            for (int i = 0; i < w.length(); i++) {
                double v = w.getDouble(i);
                w.putScalar(i, v + 1e-6);
                double plus = sd.output(Map.of(), "loss").get("loss").getDouble(0);
                w.putScalar(i, v - 1e-6);
                double minus = sd.output(Map.of(), "loss").get("loss").getDouble(0);
                w.putScalar(i, v);
                assertEquals((plus - minus) / 2e-6, analytic.getDouble(i), 1e-6, "d loss / d in[" + i + "]");
            }
            assertTrue(analytic.norm2Number().doubleValue() > 0.1, "a vanishing gradient would pass trivially");
        } finally {
            Nd4j.setDefaultDataTypes(saved, saved);
        }
    }

    @Test
    void registeredThroughTheSpiWithItsTableRow() {
        MethodRegistry r = MethodRegistry.load();
        assertTrue(r.names().contains("simclr"));
        assertEquals("SimCLR", r.provider("simclr").tableRow("simclr"));
        assertEquals(SimclrConfig.paper(), r.resolveConfig("simclr", null));
        assertEquals(0.1, SimclrConfig.paper().temperature());
        for (String scale : List.of("cpu", "paper")) {
            RunConfig rc = RunConfig.load(Path.of("../configs", scale, "simclr.yaml"));
            SimclrConfig c = (SimclrConfig) r.resolveConfig(rc.method(), rc.params());
            assertEquals(0.1, c.temperature());
            assertEquals(scale.equals("cpu") ? 64 : 128, c.projector().out());
            // The hidden width follows the encoder's feature width, as SimCLR's projector does.
            assertEquals(rc.encoder().featureChannels(), c.projector().hidden());
        }
    }
}
