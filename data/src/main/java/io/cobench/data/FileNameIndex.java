package io.cobench.data;

import io.cobench.cli.UserError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every file with given extensions below a directory, keyed by file name. NIH comes either as one
 * flat {@code images/} folder or as {@code images_0NN/images/} shards; indexing by name serves
 * both without knowing which.
 */
public final class FileNameIndex {
    private final Map<String, Path> byName;

    private FileNameIndex(Map<String, Path> byName) {
        this.byName = byName;
    }

    /**
     * Indexes {@code root} recursively (following links, since users often link image folders in).
     * Two files with the same name are an error naming both: which one is meant cannot be told.
     */
    public static FileNameIndex build(Path root, String... extensions) {
        Map<String, Path> map = new HashMap<>();
        if (!Files.isDirectory(root)) {
            return new FileNameIndex(map);
        }
        try (Stream<Path> files = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            files.forEach(p -> {
                String name = p.getFileName().toString();
                if (!hasExtension(name, extensions) || !Files.isRegularFile(p)) {
                    return;
                }
                Path old = map.putIfAbsent(name, p);
                if (old != null) {
                    throw new UserError("image " + name + " exists twice: " + old + " and " + p
                            + "; remove one copy");
                }
            });
        } catch (IOException e) {
            throw new UserError(root + ": cannot list files: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new UserError(root + ": cannot list files: " + e.getCause().getMessage(), e);
        }
        return new FileNameIndex(map);
    }

    private static boolean hasExtension(String name, String[] extensions) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String e : extensions) {
            if (lower.endsWith("." + e)) {
                return true;
            }
        }
        return false;
    }

    /** The file called {@code name}, or null. */
    public Path get(String name) {
        return byName.get(name);
    }

    public int size() {
        return byName.size();
    }
}
