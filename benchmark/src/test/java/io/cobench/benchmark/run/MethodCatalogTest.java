package io.cobench.benchmark.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.cobench.spi.MethodRegistry;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MethodCatalogTest {
    @Test
    void rowLabelsComeFromTheProvidersOnly() {
        MethodRegistry r = MethodRegistry.load();
        MethodCatalog c = new MethodCatalog(r, Path.of("../configs/cpu"));
        Set<String> labels = new HashSet<>();
        for (String m : r.names()) {
            String row = r.provider(m).tableRow(m);
            assertNotNull(row, m + " names no table row");
            assertEquals(row, c.row(m));
            labels.add(row);
        }
        // Twelve keys, twelve distinct rows: no two methods fill one row.
        assertEquals(r.names().size(), labels.size());
        assertEquals("Ours w/Dec.", c.row("coboom"));
        assertEquals("Sup.", c.row("sup"));
        // A key this build lacks is shown as itself, never under a made-up label.
        assertEquals("moco", c.row("moco"));
    }
}
