package io.cobench.data.phantom;

import io.cobench.cli.CobenchCommand;
import io.cobench.cli.UserError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cobench phantom}: writes the five phantom datasets in their real layouts. */
@Command(name = "phantom", mixinStandardHelpOptions = true,
        description = {"Write phantom NIH, SIIM, EyePACS, MuReD and ODIR datasets in their real on-disk layouts.",
            "Same options give byte-identical files. NIH gets --count images; SIIM and MuReD half as many; "
                + "EyePACS and ODIR a quarter as many patients, two eyes each."})
public final class PhantomCommand implements CobenchCommand {
    @Option(names = "--out", required = true, description = "Output folder (nih/, siim/, ... are created in it).")
    Path out;

    @Option(names = "--seed", defaultValue = "" + PhantomConfig.DEFAULT_SEED, description = "Master seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--size", defaultValue = "" + PhantomConfig.DEFAULT_SIZE, description = "Picture height in pixels (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--count", defaultValue = "" + PhantomConfig.DEFAULT_COUNT, description = "NIH images (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--layout", defaultValue = "kaggle",
            description = "NIH folders: kaggle (images_001/images/...) or box (flat images/). Default: ${DEFAULT-VALUE}.")
    String layout;

    @Option(names = "--datasets", split = ",", defaultValue = "nih,siim,eyepacs,mured,odir",
            description = "Comma-separated subset of nih,siim,eyepacs,mured,odir (default: all).")
    List<String> datasets;

    @Option(names = "--threads", description = "Worker threads (default: all cores). Output does not depend on it.")
    Integer threads;

    @Option(names = "--force", description = "Replace dataset folders of an earlier phantom run in --out.")
    boolean force;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Override
    public String path() {
        return "phantom";
    }

    @Override
    public Integer call() {
        PhantomConfig cfg;
        try {
            cfg = new PhantomConfig(out, seed, size, count, parseLayout(layout), parseDatasets(datasets),
                    threads == null ? Runtime.getRuntime().availableProcessors() : threads);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        clearEarlierOutput(cfg);
        long t0 = System.nanoTime();
        Map<String, Integer> images = PhantomGenerator.generate(cfg, !quiet);
        double seconds = (System.nanoTime() - t0) / 1e9;
        StringBuilder sb = new StringBuilder();
        images.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
        System.out.printf(Locale.ROOT, "wrote %s images (%d px, seed %d) to %s in %.1f s%n", sb, cfg.size(),
                cfg.seed(), cfg.out(), seconds);
        return 0;
    }

    private static PhantomConfig.NihLayout parseLayout(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "kaggle" -> PhantomConfig.NihLayout.KAGGLE;
            case "box" -> PhantomConfig.NihLayout.BOX;
            default -> throw new UserError("--layout " + s + ": expected kaggle or box");
        };
    }

    private static Set<PhantomConfig.PhantomDataset> parseDatasets(List<String> names) {
        Set<PhantomConfig.PhantomDataset> set = EnumSet.noneOf(PhantomConfig.PhantomDataset.class);
        for (String n : names) {
            PhantomConfig.PhantomDataset d = Stream.of(PhantomConfig.PhantomDataset.values())
                    .filter(x -> x.folder.equals(n.trim().toLowerCase(Locale.ROOT))).findFirst()
                    .orElseThrow(() -> new UserError("--datasets: unknown dataset '" + n
                            + "' (expected nih, siim, eyepacs, mured, odir)"));
            set.add(d);
        }
        if (set.isEmpty()) {
            throw new UserError("--datasets: name at least one dataset");
        }
        return set;
    }

    /** Refuses to mix with existing files; with --force removes only folders of an earlier phantom run. */
    private void clearEarlierOutput(PhantomConfig cfg) {
        for (PhantomConfig.PhantomDataset d : cfg.datasets()) {
            Path dir = cfg.out().resolve(d.folder);
            if (!nonEmpty(dir)) {
                continue;
            }
            if (!force) {
                throw new UserError(dir + " exists and is not empty; pass --force to replace earlier phantom output");
            }
            if (!Files.isRegularFile(cfg.out().resolve(PhantomGenerator.MARKER))) {
                throw new UserError(dir + " exists but " + cfg.out().resolve(PhantomGenerator.MARKER)
                        + " does not, so it is not phantom output; not deleting it");
            }
            deleteTree(dir);
        }
    }

    private static boolean nonEmpty(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Files.exists(dir);
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + dir + ": " + e.getMessage(), e);
        }
    }
}
