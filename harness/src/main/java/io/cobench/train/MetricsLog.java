package io.cobench.train;

import io.cobench.io.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One JSON object per logged step in {@code metrics.jsonl}. Lines are appended and flushed one
 * by one, so a crash loses at most the line being written; on resume, lines past the checkpoint
 * step are dropped so the log has each step once.
 */
public final class MetricsLog implements AutoCloseable {
    private final BufferedWriter out;

    public MetricsLog(Path file, long resumeStep) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (Files.exists(file)) {
                List<String> keep = new ArrayList<>();
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    try {
                        var node = Json.JSON.readTree(line);
                        if (node.path("step").asLong(Long.MAX_VALUE) < resumeStep) {
                            keep.add(line);
                        }
                    } catch (IOException e) {
                        // a torn last line from a crash: drop it
                    }
                }
                Files.write(file, keep, StandardCharsets.UTF_8);
            }
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open metrics log " + file, e);
        }
    }

    public void write(Map<String, Object> record) {
        try {
            out.write(Json.JSON.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(record));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write metrics log", e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
