package io.cobench.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cobench.cli.Cobench;
import io.cobench.io.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench data} prints one JSON line describing the run it timed; a second run reuses the cache. */
class BenchDataCommandTest {
    private static JsonNode run(String... args) throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Cobench.commandLine().execute(args);
        } finally {
            System.setOut(old);
        }
        assertEquals(0, code);
        List<String> lines = buf.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(1, lines.size(), "exactly one line: " + lines);
        return Json.JSON.readTree(lines.get(0));
    }

    @Test
    void printsOneJsonLineAndReusesTheCacheOnTheSecondRun(@TempDir Path dir) throws Exception {
        String[] args = {"bench", "data", "--size", "32", "--batch", "4", "--batches", "3", "--warmup", "1",
            "--threads", "1", "--count", "20", "--phantom-dir", dir.toString()};
        JsonNode first = run(args);
        assertEquals(32, first.get("size").asInt());
        assertEquals(4, first.get("batch").asInt());
        assertEquals(3, first.get("batches").asInt());
        assertEquals(1, first.get("threads").asInt());
        assertEquals(20, first.get("images").asInt());
        assertEquals(1, first.get("channels_in").asInt());
        assertEquals(3, first.get("channels_out").asInt());
        assertTrue(first.get("cache_built").asBoolean());
        double ips = first.get("img_per_s").asDouble();
        double spb = first.get("s_per_batch").asDouble();
        assertTrue(ips > 0);
        assertEquals(4.0, ips * spb, 0.05 * 4 + 0.01, "images per second times seconds per batch is the batch");
        assertTrue(Files.isDirectory(dir.resolve("nih")));
        JsonNode second = run(args);
        assertTrue(!second.get("cache_built").asBoolean(), "same sources and size: cache reused");
    }
}
