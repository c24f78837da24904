package io.cobench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HomeTest {
    @Test
    void environmentThenScriptPropertyThenWorkingDirectory() {
        assertEquals(Path.of("/data/cobench"), Home.dir(Map.of("COBENCH_HOME", "/data/cobench/"), "/repo"));
        assertEquals(Path.of("/repo"), Home.dir(Map.of(), "/repo"));
        assertEquals(Path.of("/repo"), Home.dir(Map.of("COBENCH_HOME", " "), "/repo/x/.."));
        assertEquals(Path.of("").toAbsolutePath(), Home.dir(Map.of(), null));
    }

    @Test
    void aGivenPathWinsAndDefaultsHangUnderTheHome() {
        Path given = Path.of("mystore");
        assertEquals(given, Home.orDefault(given, "runs/reproduce"));
        assertEquals(Home.dir().resolve("runs/reproduce"), Home.orDefault(null, "runs/reproduce"));
        assertEquals(Path.of("/abs/store"), Home.resolve("/abs/store"));
    }
}
