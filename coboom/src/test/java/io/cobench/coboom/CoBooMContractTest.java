package io.cobench.coboom;

import io.cobench.graph.ResNetConfig;
import io.cobench.spi.SslMethod;
import io.cobench.testing.MethodContractTest;
import org.junit.jupiter.api.Nested;

/** The harness's method contract (encoder scope, finite falling loss over 20 steps, moving EMA) for each preset. */
class CoBooMContractTest {

    abstract static class Preset extends MethodContractTest {
        abstract String preset();

        @Override
        protected SslMethod method() {
            return new CoBooM(preset(), Tiny.config(preset()));
        }

        @Override
        protected ResNetConfig encoder() {
            return Tiny.ENCODER;
        }
    }

    @Nested
    class WithDecoder extends Preset {
        @Override
        String preset() {
            return "coboom";
        }
    }

    @Nested
    class WithoutDecoder extends Preset {
        @Override
        String preset() {
            return "coboom-nodec";
        }
    }

    @Nested
    class WithoutDiversiFuse extends Preset {
        @Override
        String preset() {
            return "coboom-nodf";
        }
    }
}
