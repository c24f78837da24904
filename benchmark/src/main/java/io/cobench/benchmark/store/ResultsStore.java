package io.cobench.benchmark.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.cobench.benchmark.grid.Cell;
import io.cobench.benchmark.grid.PretrainKey;
import io.cobench.cli.UserError;
import io.cobench.io.AtomicFiles;
import io.cobench.io.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One results directory. A run directory is finished when it holds {@code DONE}; a finished
 * directory is never written again, and an unfinished one is emptied and redone.
 */
public final class ResultsStore {
    public static final int FORMAT = 1;
    public static final String DONE = "DONE";

    private final Path root;

    private ResultsStore(Path root) {
        this.root = root;
    }

    /**
     * Opens {@code root}, creating it and its store.json if needed. A store belongs to one grid:
     * opening it for another is refused rather than mixing results.
     */
    public static ResultsStore open(Path root, String grid) {
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new UserError("store " + root + " is a file; a store is a directory (choose another --store)");
        }
        Path info = root.resolve("store.json");
        if (Files.exists(info)) {
            JsonNode n;
            try {
                n = Json.JSON.readTree(info.toFile());
            } catch (IOException e) {
                throw new UserError("store " + info + " is unreadable: " + e.getMessage());
            }
            if (n.path("format").asInt(-1) != FORMAT) {
                throw new UserError("store " + info + " has format " + n.path("format") + "; this version writes "
                        + FORMAT);
            }
            String have = n.path("grid").asText();
            if (!have.equals(grid)) {
                throw new UserError("store " + root + " holds grid '" + have + "', not '" + grid
                        + "'; choose another --store");
            }
        } else {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("format", FORMAT);
            m.put("grid", grid);
            m.put("created", Instant.now().toString());
            Json.writeJson(info, m);
        }
        return new ResultsStore(root);
    }

    public Path root() {
        return root;
    }

    /**
     * Writes {@code rows.json}: the table rows in the grid's order, each label its method
     * provider's. The reports take their row order from it; rewritten at each run, atomically.
     */
    public void recordRows(List<String> rows) {
        Json.writeJson(root.resolve("rows.json"), Map.of("rows", rows));
    }

    public Path pretrainDir(PretrainKey k) {
        return root.resolve("pretrain").resolve(k.runId());
    }

    public Path evalDir(Cell c) {
        return root.resolve("eval").resolve(c.id());
    }

    public Path gradcamDir() {
        return root.resolve("gradcam");
    }

    public static boolean isDone(Path dir) {
        return Files.isRegularFile(dir.resolve(DONE));
    }

    /**
     * Prepares {@code dir} for a fresh attempt: leftovers of an interrupted one are deleted.
     *
     * @throws IllegalStateException if the directory is finished (finished results are never overwritten)
     */
    public static void begin(Path dir) {
        if (isDone(dir)) {
            throw new IllegalStateException(dir + " is finished and must not be overwritten");
        }
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        if (!p.equals(dir)) {
                            Files.delete(p);
                        }
                    }
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Marks {@code dir} finished; must be the last write into it. */
    public static void finish(Path dir) {
        AtomicFiles.writeString(dir.resolve(DONE), Instant.now().toString() + "\n");
    }
}
