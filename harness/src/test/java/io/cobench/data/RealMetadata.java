package io.cobench.data;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real label and split files in {@code ../shared/reference/real-metadata} (repository root relative). */
public final class RealMetadata {

    private RealMetadata() {
    }

    /**
     * The folder, found from the working directory upwards (tests run in the module folder, the
     * shared folder sits beside the repository root).
     */
    public static Path dir() {
        Path p = Path.of("").toAbsolutePath();
        for (; p != null; p = p.getParent()) {
            Path d = p.resolve("shared/reference/real-metadata");
            if (Files.isDirectory(d)) {
                return d;
            }
        }
        throw new IllegalStateException("no shared/reference/real-metadata above " + Path.of("").toAbsolutePath()
                + "; these tests need the real metadata beside the repository (../shared)");
    }

    public static Path file(String name) {
        return dir().resolve(name);
    }
}
