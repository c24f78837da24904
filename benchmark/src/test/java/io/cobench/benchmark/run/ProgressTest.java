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
        try (Progress p = new Progress(new PrintStream(buf, true, StandardCharsets.UTF_8), "grid", 4, 1, 1, false)) {
            p.plan("pretrain", 4.0);
            p.plan("linear/nih", 1.0);
            PrintStream console = p.console("byol__chest__s0");
            console.print("step 1/2  loss 4.5\r\nstep 2/2  loss 4.1\n");
            p.done("pretrain", 4.0, 20.0, "pretrained byol__chest__s0");
            p.done("linear/nih", 1.0, 3.0, "linear__nih__f1__byol__s0");
        }
        List<String> lines = buf.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(4, lines.size(), lines.toString());
        assertEquals("byol__chest__s0  step 1/2  loss 4.5", lines.get(0));
        assertEquals("byol__chest__s0  step 2/2  loss 4.1", lines.get(1));
        // Each finished piece reports elapsed time and the ETA in one format. After the pretraining
        // the probe borrows the pretraining's 5 s per unit of cost: 5 s left.
        assertEquals(true, lines.get(2).matches("pretrained byol__chest__s0   \\[elapsed 0:00:0\\d, ETA 0:00:05]"),
                lines.get(2));
        assertEquals(true, lines.get(3).endsWith(", ETA 0:00:00]"), lines.get(3));
    }
}
