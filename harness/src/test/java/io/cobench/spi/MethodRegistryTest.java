package io.cobench.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.cli.UserError;
import io.cobench.io.Json;
import org.junit.jupiter.api.Test;

class MethodRegistryTest {

    @Test
    void unknownMethodErrorListsTheAvailableOnes() {
        MethodRegistry r = MethodRegistry.load();
        UserError e = assertThrows(UserError.class, () -> r.provider("no-such-method"));
        assertTrue(e.getMessage().contains("unknown method 'no-such-method'"), e.getMessage());
        assertTrue(e.getMessage().contains("available:"), e.getMessage());
    }

    @Test
    void runConfigRejectsUnknownSectionsAndMissingOnes() throws Exception {
        var missing = Json.YAML.readTree("method: byol\nencoder: {depth: 18, width: 4, channels: 1, imageSize: 32}\n");
        UserError e1 = assertThrows(UserError.class, () -> io.cobench.run.RunConfig.parse(missing, "x.yaml"));
        assertEquals("x.yaml: missing section 'train'", e1.getMessage());
        var extra = Json.YAML.readTree("method: byol\nencoder: {}\ntrain: {}\ndata: {}\noptimiser: {}\n");
        UserError e2 = assertThrows(UserError.class, () -> io.cobench.run.RunConfig.parse(extra, "y.yaml"));
        assertTrue(e2.getMessage().contains("unknown section 'optimiser'"), e2.getMessage());
    }
}
