package io.cobench.reports.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.cobench.cli.UserError;
import io.cobench.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A results store opened for reading. Only directories with a DONE marker count as results;
 * the others are listed as unfinished so a report can say what it left out.
 */
public final class StoreReader {
    public static final int FORMAT = 1;

    private final Path root;
    private final JsonNode info;
    private final List<EvalCell> cells = new ArrayList<>();
    private final List<String> unfinished = new ArrayList<>();
    private final List<PretrainRun> pretrainRuns = new ArrayList<>();

    private StoreReader(Path root, JsonNode info) {
        this.root = root;
        this.info = info;
    }

    public static StoreReader open(Path root) {
        if (!Files.isDirectory(root)) {
            throw new UserError("results store not found: " + root + " is not a directory");
        }
        Path storeJson = root.resolve("store.json");
        if (!Files.isRegularFile(storeJson)) {
            throw new UserError("not a results store: " + storeJson + " is missing");
        }
        JsonNode info;
        try {
            info = Json.JSON.readTree(storeJson.toFile());
        } catch (IOException e) {
            throw new UserError("could not read " + storeJson + ": " + e.getMessage(), e);
        }
        if (info == null || !info.path("format").isInt() || info.get("format").asInt() != FORMAT) {
            throw new UserError(storeJson + ": expected \"format\": " + FORMAT + ", found "
                    + (info == null ? "nothing" : info.get("format")));
        }
        StoreReader s = new StoreReader(root, info);
        s.load();
        return s;
    }

    private void load() {
        for (Path dir : subdirs(root.resolve("eval"))) {
            if (!Files.exists(dir.resolve("DONE"))) {
                unfinished.add("eval/" + dir.getFileName());
                continue;
            }
            CellRecord m = CellRecord.read(dir.resolve("metrics.json"));
            if (!m.cell().equals(dir.getFileName().toString())) {
                throw new UserError(dir.resolve("metrics.json") + ": cell '" + m.cell()
                        + "' does not match its directory name '" + dir.getFileName() + "'");
            }
            cells.add(new EvalCell(dir, m));
        }
        for (Path dir : subdirs(root.resolve("pretrain"))) {
            if (!Files.exists(dir.resolve("DONE"))) {
                unfinished.add("pretrain/" + dir.getFileName());
                continue;
            }
            pretrainRuns.add(new PretrainRun(dir.getFileName().toString(), dir));
        }
    }

    private static List<Path> subdirs(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UserError("could not list " + dir + ": " + e.getMessage(), e);
        }
    }

    public Path root() {
        return root;
    }

    /**
     * Row labels in the grid's order, from {@code rows.json} (the benchmark writes it from the
     * method providers); empty for a store without one, whose rows then sort alphabetically.
     */
    public List<String> rowOrder() {
        Path f = root.resolve("rows.json");
        if (!Files.isRegularFile(f)) {
            return List.of();
        }
        try {
            JsonNode n = Json.JSON.readTree(f.toFile()).path("rows");
            if (!n.isArray()) {
                throw new UserError(f + ": expected {\"rows\": [labels]}");
            }
            List<String> out = new ArrayList<>();
            n.forEach(r -> out.add(r.asText()));
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UserError("could not read " + f + ": " + e.getMessage(), e);
        }
    }

    /** The grid name from store.json, or "" when absent. */
    public String grid() {
        return info.path("grid").asText("");
    }

    public String created() {
        return info.path("created").asText("");
    }

    /** Finished evaluation cells, sorted by cell id. */
    public List<EvalCell> cells() {
        return List.copyOf(cells);
    }

    /** Store-relative paths of directories without DONE. */
    public List<String> unfinished() {
        return List.copyOf(unfinished);
    }

    /** Finished pretraining runs, sorted by id. */
    public List<PretrainRun> pretrainRuns() {
        return List.copyOf(pretrainRuns);
    }

    public Path gradcamDir() {
        return root.resolve("gradcam");
    }
}
