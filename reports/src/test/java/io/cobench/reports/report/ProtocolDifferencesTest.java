package io.cobench.reports.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtocolDifferencesTest {

    @Test
    void everyDifferenceIsExplainedInFidelityMdUnderItsKey() throws IOException {
        String doc = Files.readString(Path.of("../docs/fidelity.md"));
        List<ProtocolDifferences.Item> items = ProtocolDifferences.load();
        assertTrue(items.size() >= 10, "the list covers at least init, heads, crops, MoCo, DiRA, evaluation");
        for (ProtocolDifferences.Item it : items) {
            assertTrue(doc.contains("`" + it.key() + "`"), "docs/fidelity.md does not name `" + it.key() + "`");
        }
        for (String k : List.of("init-random", "coboom-quantize-target", "coboom-codebook-optimiser", "siim-dice-empty")) {
            assertTrue(items.stream().anyMatch(i -> i.key().equals(k)), k);
        }
    }

    @Test
    void markdownIsOneTableRowPerItemWithPipesEscaped() {
        List<ProtocolDifferences.Item> items = ProtocolDifferences.parse("""
                # comment
                k1 | all | What | a | b | c

                k2 | BYOL | x|y | p | q | r
                """);
        assertEquals(2, items.size());
        String md = ProtocolDifferences.markdown(items);
        assertTrue(md.startsWith("## Protocol against the paper\n"), md);
        assertTrue(md.contains("| `k1` | all | What | a | b | c |\n"), md);
        assertTrue(md.contains("| `k2` | BYOL | x\\|y | p | q | r |\n"), md);
        assertEquals(2 + 2, md.lines().filter(l -> l.startsWith("|")).count());
    }

    @Test
    void malformedLinesAreNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ProtocolDifferences.parse("k | all | a | b | c\n"));
        assertTrue(e.getMessage().endsWith(":1: expected 6 non-empty fields separated by ' | ', got 5"), e.getMessage());
        e = assertThrows(IllegalStateException.class,
                () -> ProtocolDifferences.parse("k | a | b | c | d | e\n\nk | a | b | c | d | e\n"));
        assertTrue(e.getMessage().endsWith(":3: key 'k' appears twice"), e.getMessage());
    }
}
