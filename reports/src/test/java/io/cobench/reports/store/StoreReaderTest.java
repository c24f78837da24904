package io.cobench.reports.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cobench.cli.UserError;
import io.cobench.reports.StoreFixture;
import io.cobench.reports.StoreFixture.Cell;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreReaderTest {

    @TempDir
    Path tmp;

    @Test
    void refusesADirectoryThatIsNotAStore() {
        UserError e = assertThrows(UserError.class, () -> StoreReader.open(tmp));
        assertEquals("not a results store: " + tmp.resolve("store.json") + " is missing", e.getMessage());
        StoreFixture.write(tmp.resolve("store.json"), "{\"format\": 2}");
        e = assertThrows(UserError.class, () -> StoreReader.open(tmp));
        assertEquals(tmp.resolve("store.json") + ": expected \"format\": 1, found 2", e.getMessage());
    }

    @Test
    void cellIdMustMatchItsDirectory() {
        StoreFixture.init(tmp);
        Path dir = StoreFixture.writeCell(tmp, Cell.of("linear", "NIH", 1, "BYOL", 0), 0.6, Map.of("cell", "other"), true);
        UserError e = assertThrows(UserError.class, () -> StoreReader.open(tmp));
        assertEquals(dir.resolve("metrics.json") + ": cell 'other' does not match its directory name '"
                + dir.getFileName() + "'", e.getMessage());
    }

    @Test
    void missingAndMistypedFieldsAreNamed() {
        StoreFixture.init(tmp);
        Path dir = StoreFixture.writeCell(tmp, Cell.of("linear", "NIH", 1, "BYOL", 0), 0.6,
                Map.of("label_fraction", "1"), true);
        UserError e = assertThrows(UserError.class, () -> StoreReader.open(tmp));
        assertEquals(dir.resolve("metrics.json") + ": field 'label_fraction' must be an integer, found \"1\"",
                e.getMessage());
        StoreFixture.write(dir.resolve("metrics.json"), "{\"cell\": \"x\"}");
        e = assertThrows(UserError.class, () -> StoreReader.open(tmp));
        assertEquals(dir.resolve("metrics.json") + ": required field 'protocol' is missing", e.getMessage());
    }

    @Test
    void codebookLinesAreReadAndCheckedByLine() {
        Path dir = tmp.resolve("pretrain/coboom__chest__s0");
        StoreFixture.write(dir.resolve("metrics.jsonl"), "{\"step\":0,\"loss\":2.0}\n"
                + "{\"step\":10,\"code_usage\":0.25,\"perplexity\":180.5}\n\n"
                + "{\"step\":20,\"code_usage\":0.5,\"perplexity\":300}\n");
        PretrainRun run = new PretrainRun("coboom__chest__s0", dir);
        assertEquals(List.of(new CodebookPoint(10, 0.25, 180.5), new CodebookPoint(20, 0.5, 300)), run.codebook());
        StoreFixture.write(dir.resolve("metrics.jsonl"), "{\"step\":0,\"loss\":2.0}\n{\"step\":10,\"code_usage\":0.25}\n");
        UserError e = assertThrows(UserError.class, run::codebook);
        assertEquals(dir.resolve("metrics.jsonl") + ":2: a codebook line needs all of step, code_usage and perplexity",
                e.getMessage());
        StoreFixture.write(dir.resolve("metrics.jsonl"), "[1, 2]\n");
        e = assertThrows(UserError.class, run::codebook);
        assertEquals(dir.resolve("metrics.jsonl") + ":1: not a JSON object: [1, 2]", e.getMessage());
    }
}
