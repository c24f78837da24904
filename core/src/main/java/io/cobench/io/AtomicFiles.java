package io.cobench.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.UUID;

/**
 * Writes files so that a reader never sees half of one: content goes to a temporary sibling,
 * is forced to disk, and is then renamed over the target. A crash leaves the old file or the new
 * one, never a mixture. The file gets the mode an ordinary write would give it: the existing
 * target's mode, or for a new file the default under the process's umask.
 */
public final class AtomicFiles {

    /** Something that writes a file's content to a stream. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void write(Path target, Writer writer) {
        try {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = tempSibling(target);
            try {
                // CREATE_NEW without a permission attribute gives the mode any ordinary write gets
                // (0666 under the umask); createTempFile would give 0600 to every result file.
                try (var ch = java.nio.channels.FileChannel.open(tmp, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE)) {
                    OutputStream raw = java.nio.channels.Channels.newOutputStream(ch);
                    java.io.BufferedOutputStream buf = new java.io.BufferedOutputStream(raw, 1 << 16);
                    // Writers (SameDiff.save, Jackson) may close the stream; the file must stay open to be forced.
                    writer.write(new java.io.FilterOutputStream(buf) {
                        @Override
                        public void write(byte[] b, int off, int len) throws IOException {
                            out.write(b, off, len);
                        }

                        @Override
                        public void close() throws IOException {
                            flush();
                        }
                    });
                    buf.flush();
                    ch.force(true);
                }
                keepMode(target, tmp);
                move(tmp, target);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target + ": " + e.getMessage(), e);
        }
    }

    public static void writeString(Path target, String content) {
        write(target, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A fresh, unguessable name beside {@code target} for its content in progress. The name starts
     * with a dot and the target's name so that a crash leaves an obviously stale file.
     */
    private static Path tempSibling(Path target) {
        Path dir = target.toAbsolutePath().getParent();
        return dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    }

    /**
     * An existing file keeps its mode when overwritten in place; a replacement by rename must
     * copy it to behave the same (a user who made a result group-readable keeps it so).
     */
    private static void keepMode(Path target, Path tmp) throws IOException {
        if (!Files.exists(target) || !Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(target);
        Files.setPosixFilePermissions(tmp, mode);
    }

    /** Renames a fully written file or directory into place. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
