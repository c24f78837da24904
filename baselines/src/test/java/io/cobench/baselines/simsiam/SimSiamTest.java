package io.cobench.baselines.simsiam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cobench.graph.MlpConfig;
import io.cobench.run.RunConfig;
import io.cobench.spi.MethodRegistry;
import io.cobench.spi.SslMethod;
import io.cobench.testing.MethodContractTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;

/** The fixture method passes the shared contract, and the registry, presets and rows find it. */
class SimSiamTest extends MethodContractTest {
    @Override
    protected SslMethod method() {
        return new SimSiam("simsiam", new SimSiam.Config(new MlpConfig(2, 32, 16, true, true),
                new MlpConfig(2, 8, 16, true, false)));
    }

    @Test
    void theServicesLineRegistersItUnderItsKeyAndRow() {
        MethodRegistry r = MethodRegistry.load();
        assertEquals("SimSiam", r.provider("simsiam").tableRow("simsiam"));
        for (String scale : new String[] {"cpu", "paper"}) {
            RunConfig rc = RunConfig.load(Path.of("src/test/resources/configs", scale, "simsiam.yaml"));
            assertEquals("simsiam", rc.method());
            assertEquals("sgd", rc.train().optimizer().type());
            r.resolveConfig("simsiam", rc.params());
        }
        SimSiam.Config paper = (SimSiam.Config) r.resolveConfig("simsiam",
                RunConfig.load(Path.of("src/test/resources/configs/paper/simsiam.yaml")).params());
        assertEquals(512, paper.predictor().hidden());
        assertEquals(224, RunConfig.load(Path.of("src/test/resources/configs/paper/simsiam.yaml")).encoder().imageSize());
    }

    @Test
    void swappingTheViewsExchangesTheHalves() {
        SameDiff sd = SameDiff.create();
        var z = sd.constant(Nd4j.create(new double[][] {{1, 2}, {3, 4}, {5, 6}, {7, 8}}));
        double[][] out = SimSiam.swapViews(sd, z, 2).eval().toDoubleMatrix();
        assertArrayEquals(new double[] {5, 6}, out[0]);
        assertArrayEquals(new double[] {7, 8}, out[1]);
        assertArrayEquals(new double[] {1, 2}, out[2]);
        assertArrayEquals(new double[] {3, 4}, out[3]);
    }
}
