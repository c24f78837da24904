package io.cobench.engine;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.cli.UserError;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EngineTest {

    @Test
    void avx512WithoutAnIsaCapGetsANote() {
        String avx512 = "fpu sse2 avx2 avx512f avx512dq";
        assertTrue(Engine.isaNote(null, avx512).contains("DNNL_MAX_CPU_ISA=AVX2"));
        assertTrue(Engine.isaNote(" ", avx512).contains("Winograd"));
        assertNull(Engine.isaNote("AVX2", avx512));
        assertNull(Engine.isaNote(null, "fpu sse2 avx2 avx512_vnni"));
        assertNull(Engine.isaNote(null, null));
    }

    @Test
    void hopperAndNewerAreRefusedWithTheSupportedGenerationsNamed() {
        UserError e = assertThrows(UserError.class, () -> Engine.checkComputeCapability(90, "NVIDIA H100 80GB HBM3"));
        assertTrue(e.getMessage().contains("sm_86"), e.getMessage());
        assertTrue(e.getMessage().contains("9.0"), e.getMessage());
        assertTrue(e.getMessage().contains("Ampere"), e.getMessage());
        assertTrue(e.getMessage().contains("Hopper"), e.getMessage());
        assertThrows(UserError.class, () -> Engine.checkComputeCapability(100, "B200"));
    }

    @Test
    void nvidiaSmiLinesAreParsedAndJunkIsIgnored() {
        assertEquals(new GpuProbe("NVIDIA H100 80GB HBM3", 90), GpuProbe.parse(java.util.List.of("NVIDIA H100 80GB HBM3, 9.0")));
        assertEquals(new GpuProbe("NVIDIA RTX A6000", 86),
                GpuProbe.parse(java.util.List.of("NVIDIA RTX A6000, 8.6", "NVIDIA RTX A6000, 8.6")));
        assertEquals(null, GpuProbe.parse(java.util.List.of("NVIDIA-SMI has failed because it couldn't communicate")));
        assertEquals(null, GpuProbe.parse(java.util.List.of("Tesla V100, [N/A]")));
        assertEquals(null, GpuProbe.parse(java.util.List.of()));
    }

    @Test
    void amperePassesTheCheck() {
        assertDoesNotThrow(() -> Engine.checkComputeCapability(86, "NVIDIA RTX A6000"));
        assertDoesNotThrow(() -> Engine.checkComputeCapability(80, "NVIDIA A100"));
    }

    @Test
    void cpuStartReportsTheBackendLine() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Engine.EngineInfo info = Engine.start(new PrintStream(buf, true, StandardCharsets.UTF_8));
        assertEquals("cpu", info.backend());
        assertTrue(info.artifact().startsWith("nd4j-native"), info.artifact());
        assertTrue(info.threads() >= 1);
    }

    @Test
    void gradientGraphNoiseIsDroppedAndOtherLinesPass() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            PrintStream filtered = QuietStdout.wrap(System.out);
            filtered.println("Added differentiated op conv2d");
            filtered.println("step 1/10 loss 0.5");
            filtered.flush();
        } finally {
            System.setOut(saved);
        }
        assertEquals("step 1/10 loss 0.5\n", buf.toString(StandardCharsets.UTF_8));
    }
}
