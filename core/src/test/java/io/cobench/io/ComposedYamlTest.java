package io.cobench.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cobench.cli.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposedYamlTest {
    @TempDir
    Path tmp;

    private Path write(String name, String text) throws IOException {
        Path f = tmp.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    @Test
    void mappingsMergeAtAnyDepthAndOtherValuesReplace() throws IOException {
        write("base/cpu.yaml", """
                encoder: {depth: 18, width: 8}
                train: {epochs: 4, optimizer: {type: lars, baseLr: 1.0}}
                list: [1, 2, 3]
                """);
        write("cpu/parent.yaml", """
                extends: ../base/cpu.yaml
                method: m
                train: {optimizer: {baseLr: 0.08}}
                list: [9]
                """);
        Path child = write("cpu/child.yaml", """
                extends: parent.yaml
                method: m-variant
                encoder: {width: 16}
                """);
        ObjectNode n = ComposedYaml.read(child);
        assertEquals("m-variant", n.get("method").asText());
        assertEquals(18, n.at("/encoder/depth").asInt());
        assertEquals(16, n.at("/encoder/width").asInt());
        assertEquals(4, n.at("/train/epochs").asInt());
        assertEquals("lars", n.at("/train/optimizer/type").asText());
        assertEquals(0.08, n.at("/train/optimizer/baseLr").asDouble(), 0);
        // A list is a value: the parent's replaces the base's whole, the child keeps it.
        assertEquals(1, n.get("list").size());
        assertEquals(9, n.get("list").get(0).asInt());
        assertFalse(n.has(ComposedYaml.EXTENDS));
    }

    @Test
    void aCycleAMissingBaseAndADuplicateKeyAreOneLineEach() throws IOException {
        write("a.yaml", "extends: b.yaml\nx: 1\n");
        Path b = write("b.yaml", "extends: a.yaml\ny: 2\n");
        UserError cycle = assertThrows(UserError.class, () -> ComposedYaml.read(b));
        assertTrue(cycle.getMessage().endsWith("extends forms a cycle: b.yaml -> a.yaml -> b.yaml"), cycle.getMessage());
        Path orphan = write("orphan.yaml", "extends: nowhere.yaml\n");
        UserError missing = assertThrows(UserError.class, () -> ComposedYaml.read(orphan));
        assertTrue(missing.getMessage().startsWith(orphan.toAbsolutePath() + ": extends '"), missing.getMessage());
        assertTrue(missing.getMessage().endsWith("nowhere.yaml', which does not exist"), missing.getMessage());
        Path dup = write("dup.yaml", "x: 1\ny: 2\nx: 3\n");
        UserError twice = assertThrows(UserError.class, () -> ComposedYaml.read(dup));
        assertTrue(twice.getMessage().startsWith(dup + ":3: "), twice.getMessage());
        Path notPath = write("num.yaml", "extends: 3\n");
        assertTrue(assertThrows(UserError.class, () -> ComposedYaml.read(notPath)).getMessage()
                .endsWith("extends: expected the path of a YAML file, got 3"));
    }
}
