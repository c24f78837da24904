package io.cobench.train;

import io.cobench.io.AtomicFiles;
import io.cobench.io.Json;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Checkpoints of a run: {@code checkpoints/step-NNNNNNNN/} with every graph variable (weights,
 * EMA targets, BN running statistics, method state), every updater's state and a small JSON
 * state. A checkpoint is assembled in a temporary directory and renamed into place, so a crash
 * never leaves a half-written one; the two newest are kept.
 */
public final class Checkpoints {
    private static final String PREFIX = "step-";
    private static final int KEEP = 2;

    /** What a checkpoint holds. {@code step} is the number of steps completed. */
    public record Snapshot(long step, Map<String, INDArray> variables, Map<String, INDArray> updaterState,
                           Map<String, Object> info) {
    }

    private final Path dir;

    public Checkpoints(Path runDir) {
        this.dir = runDir.resolve("checkpoints");
    }

    public Path dir() {
        return dir;
    }

    public void save(Snapshot s) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempDirectory(dir, ".tmp-");
            writeArrays(tmp.resolve("variables.zip"), s.variables());
            writeArrays(tmp.resolve("updaters.zip"), s.updaterState());
            Map<String, Object> info = new LinkedHashMap<>(s.info());
            info.put("step", s.step());
            Json.writeJson(tmp.resolve("state.json"), info);
            Path target = dir.resolve(String.format("%s%08d", PREFIX, s.step()));
            if (Files.exists(target)) {
                deleteTree(target);
            }
            AtomicFiles.move(tmp, target);
            prune();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write checkpoint in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The newest complete checkpoint, or null if there is none. */
    public Snapshot latest() {
        List<Path> all = list();
        if (all.isEmpty()) {
            return null;
        }
        Path p = all.get(all.size() - 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> info = Json.readJson(p.resolve("state.json"), Map.class);
        long step = ((Number) info.get("step")).longValue();
        return new Snapshot(step, readArrays(p.resolve("variables.zip")), readArrays(p.resolve("updaters.zip")), info);
    }

    List<Path> list() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(PREFIX)
                            && Files.exists(p.resolve("state.json")))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void prune() throws IOException {
        List<Path> all = list();
        for (int i = 0; i < all.size() - KEEP; i++) {
            deleteTree(all.get(i));
        }
    }

    private static void writeArrays(Path file, Map<String, INDArray> arrays) {
        AtomicFiles.write(file, raw -> {
            ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(raw));
            zip.setLevel(1);
            DataOutputStream data = new DataOutputStream(zip);
            for (var e : arrays.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                Nd4j.write(e.getValue(), data);
                data.flush();
                zip.closeEntry();
            }
            zip.finish();
            zip.flush();
        });
    }

    static Map<String, INDArray> readArrays(Path file) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
             ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                out.put(e.getName(), Nd4j.read(new DataInputStream(zip)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read checkpoint file " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }
}
