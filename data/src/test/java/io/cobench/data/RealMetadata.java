package io.cobench.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The real label and split files: {@code ../shared/reference/real-metadata} when it sits above
 * the working directory (the design folder beside the repository), else the gzipped copies
 * bundled as test resources, unpacked once per test JVM.
 */
public final class RealMetadata {
    /** The files, by their names in the shared folder. */
    public static final List<String> FILES = List.of("BBox_List_2017.csv", "Data_Entry_2017_v2020.csv",
            "coboom-pretrain-list.txt", "coboom-subset-1pct.csv", "test_list.txt", "train-rle.csv",
            "train_val_list.txt");

    private static Path unpacked;

    private RealMetadata() {
    }

    /** The shared folder, found from the working directory upwards; empty when there is none. */
    public static Optional<Path> shared() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path d = p.resolve("shared/reference/real-metadata");
            if (Files.isDirectory(d)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    public static Path dir() {
        return shared().orElseGet(RealMetadata::bundled);
    }

    /** The bundled copies, unpacked into a temporary folder. */
    public static synchronized Path bundled() {
        if (unpacked == null) {
            try {
                Path d = Files.createTempDirectory("cobench-real-metadata");
                for (String f : FILES) {
                    try (InputStream in = RealMetadata.class.getResourceAsStream("/real-metadata/" + f + ".gz")) {
                        if (in == null) {
                            throw new IllegalStateException("test resource real-metadata/" + f + ".gz is missing");
                        }
                        Files.copy(new GZIPInputStream(in), d.resolve(f));
                    }
                    d.resolve(f).toFile().deleteOnExit();
                }
                d.toFile().deleteOnExit();
                unpacked = d;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return unpacked;
    }

    public static Path file(String name) {
        return dir().resolve(name);
    }
}
