package io.cobench.train;

import io.cobench.engine.Npz;
import io.cobench.io.AtomicFiles;
import io.cobench.io.Json;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
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
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Checkpoints of a run: {@code checkpoints/step-NNNNNNNN/} with every graph variable (weights,
 * EMA targets, BN running statistics, method state) in {@code variables.npz}, every updater's
 * state in {@code updaters.npz} (NumPy's format, keyed by the graph's variable names and
 * {@code group|variable|state}, so {@code numpy.load} opens them) and a small JSON state.
 *
 * <p>Only verified state is saved: every array is checked for NaN, infinities and magnitudes no
 * healthy run reaches ({@link #MAX_ABS}) first, and a failed check throws instead of writing, so
 * the last good checkpoint is never replaced by a poisoned one. A checkpoint is assembled in a
 * temporary directory and renamed into place, so a crash never leaves a half-written one; the
 * two newest are kept.
 */
public final class Checkpoints {
    private static final String PREFIX = "step-";
    private static final int KEEP = 2;
    private static final String VARIABLES = "variables.npz";
    private static final String UPDATERS = "updaters.npz";

    /**
     * The largest magnitude a saved value may have. Weights, running statistics and optimiser
     * moments of a healthy network stay many orders below it; a scale-invariant loss (BYOL's) can
     * stay finite while SGD with an absurd learning rate drives the weights to 1e24, and that
     * run must stop rather than end as DONE.
     */
    public static final double MAX_ABS = 1e10;

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

    /**
     * Verifies and saves {@code s}.
     *
     * @throws NonFiniteException naming the first bad array when the state is not finite or has
     *                            diverged; nothing is written then
     */
    public void save(Snapshot s) {
        verify(s.step(), "variable", s.variables());
        verify(s.step(), "updater state", s.updaterState());
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(".tmp-" + java.util.UUID.randomUUID());
            // createDirectory without attributes: the mode of an ordinary mkdir under the umask.
            Files.createDirectory(tmp);
            Npz.write(tmp.resolve(VARIABLES), s.variables());
            Npz.write(tmp.resolve(UPDATERS), s.updaterState());
            Map<String, Object> info = new LinkedHashMap<>(s.info());
            info.put("step", s.step());
            info.put("verified", true);
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

    /**
     * Throws when an array holds a non-finite value or one above {@link #MAX_ABS}. Two reductions
     * per array: a sum (NaN and infinities propagate through it) and the largest magnitude.
     */
    public void verify(long step, String kind, Map<String, INDArray> arrays) {
        for (var e : arrays.entrySet()) {
            String problem = problem(e.getValue());
            if (problem != null) {
                List<Path> kept = list();
                String last = kept.isEmpty() ? "there is none yet"
                        : "(" + kept.get(kept.size() - 1).getFileName() + ") is unchanged";
                throw new NonFiniteException(step, kind + " '" + e.getKey() + "' " + problem
                        + "; the run stopped, the last good checkpoint " + last);
            }
        }
    }

    /** Why {@code a} is not sane state, or null when it is. */
    static String problem(INDArray a) {
        if (a.isEmpty() || !a.dataType().isFPType()) {
            return null;
        }
        double sum = a.sumNumber().doubleValue();
        if (!Double.isFinite(sum)) {
            double[] v = a.dup().data().asDouble();
            int bad = 0;
            double first = Double.NaN;
            for (double x : v) {
                if (!Double.isFinite(x)) {
                    if (bad++ == 0) {
                        first = x;
                    }
                }
            }
            if (bad > 0) {
                return "holds " + bad + " non-finite value(s) of " + v.length + " (first " + first + ")";
            }
            // The float32 sum overflowed: the values are finite but huge, which the next check names.
        }
        double max = a.amaxNumber().doubleValue();
        if (!(max <= MAX_ABS)) {
            return String.format(java.util.Locale.ROOT, "reached magnitude %.3g (limit %.0e): the run diverged", max, MAX_ABS);
        }
        return null;
    }

    /**
     * Deletes the half-assembled checkpoints of a run that was killed while saving; a run
     * directory belongs to one process, so any found at its start are leftovers.
     */
    public void removeLeftovers() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith(".tmp-")).toList()) {
                deleteTree(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not clean " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The newest complete checkpoint, or null if there is none.
     *
     * @throws io.cobench.cli.UserError when it holds state that fails the checks of {@link #save}
     *                                  (written before cobench checked state)
     */
    public Snapshot latest() {
        List<Path> all = list();
        if (all.isEmpty()) {
            return null;
        }
        Path p = all.get(all.size() - 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> info = Json.readJson(p.resolve("state.json"), Map.class);
        long step = ((Number) info.get("step")).longValue();
        Map<String, INDArray> vars;
        Map<String, INDArray> upd;
        if (Files.exists(p.resolve(VARIABLES))) {
            vars = Npz.read(p.resolve(VARIABLES));
            upd = Npz.read(p.resolve(UPDATERS));
        } else {
            // Checkpoints written before the move to .npz: ND4J's own binary format in a zip.
            vars = readArrays(p.resolve("variables.zip"));
            upd = readArrays(p.resolve("updaters.zip"));
        }
        for (var group : List.of(vars, upd)) {
            for (var e : group.entrySet()) {
                String problem = problem(e.getValue());
                if (problem != null) {
                    throw new io.cobench.cli.UserError("checkpoint " + p + ": '" + e.getKey() + "' " + problem
                            + "; it cannot be resumed (delete it to resume from an earlier one, if any)");
                }
            }
        }
        return new Snapshot(step, vars, upd, info);
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
