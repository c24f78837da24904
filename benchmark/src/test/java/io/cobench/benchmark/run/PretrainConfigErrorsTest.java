package io.cobench.benchmark.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cobench.cli.Cobench;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Method params are checked as strictly as the rest of a run config (here with the real BYOL
 * preset, which the harness's own tests cannot see), and the error names the config file.
 */
class PretrainConfigErrorsTest {

    private static String errorFor(Path cfg) {
        var cl = Cobench.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("pretrain", "--config", cfg.toString());
        assertEquals(2, code, err.toString());
        return err.toString().strip();
    }

    private static Path preset(Path dir, String from, String to) throws Exception {
        // The copy still extends the shipped CPU base, wherever it now lies.
        String yaml = Files.readString(Path.of("../configs/cpu/byol.yaml")).replace("extends: ../base/cpu.yaml",
                "extends: " + Path.of("../configs/base/cpu.yaml").toAbsolutePath().normalize());
        String changed = yaml.replace(from, to);
        assertEquals(false, changed.equals(yaml), "the preset no longer contains " + from);
        Path f = dir.resolve("byol.yaml");
        Files.writeString(f, changed);
        return f;
    }

    @Test
    void aNullParamIsRefused(@TempDir Path dir) throws Exception {
        Path f = preset(dir, "tau0: 0.99", "tau0: null");
        assertEquals("error: " + f + ": method 'byol': invalid params.tau0: null where a double is required", errorFor(f));
    }

    @Test
    void aFractionForAnIntegerParamIsRefused(@TempDir Path dir) throws Exception {
        Path f = preset(dir, "projector: {depth: 2,", "projector: {depth: 2.5,");
        assertEquals("error: " + f + ": method 'byol': invalid params.projector.depth: 2.5 is not an integer (int)",
                errorFor(f));
    }
}
