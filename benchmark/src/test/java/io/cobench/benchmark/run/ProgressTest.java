package io.cobench.benchmark.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void trainerLinesCarryTheirRunAndFinishedPiecesTheirEta() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (Progress p = new Progress(new PrintStream(buf, true, StandardCharsets.UTF_8), "grid", 4, 1, 10.0, 2.0,
                false)) {
            PrintStream console = p.console("byol__chest__s0");
            console.print("step 1/2  loss 4.5\r\nstep 2/2  loss 4.1\n");
            p.done(4.0, "pretrained byol__chest__s0");
        }
        List<String> lines = buf.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(3, lines.size(), lines.toString());
        assertEquals("byol__chest__s0  step 1/2  loss 4.5", lines.get(0));
        assertEquals("byol__chest__s0  step 2/2  loss 4.1", lines.get(1));
        // Each finished piece reports elapsed time and the ETA from the remaining estimated cost.
        assertEquals(true, lines.get(2).startsWith("pretrained byol__chest__s0   [elapsed "), lines.get(2));
        assertEquals(true, lines.get(2).contains(", ETA "), lines.get(2));
    }
}
