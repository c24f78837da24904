package io.cobench.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * I/O failures in words a user acts on. Java's file-system exceptions carry only a path as their
 * message ({@code AccessDeniedException: /data/store}); the kind of failure is in the class.
 */
public final class IoErrors {
    private IoErrors() {
    }

    /** {@code context: what went wrong}, where the wrapper's message gives the context. */
    public static String describe(UncheckedIOException e) {
        IOException cause = e.getCause();
        String msg = e.getMessage();
        String inner = cause.getMessage();
        // Wrappers in this project say "could not write X: " + cause message; replace that tail.
        if (msg != null && inner != null && msg.endsWith(": " + inner) && !msg.equals(cause.toString())) {
            return msg.substring(0, msg.length() - inner.length()) + describe(cause);
        }
        if (msg == null || msg.equals(cause.toString())) {
            return describe(cause);
        }
        return msg + ": " + describe(cause);
    }

    public static String describe(IOException e) {
        if (e instanceof FileSystemException f) {
            String file = f.getFile();
            String other = f.getOtherFile() != null ? " -> " + f.getOtherFile() : "";
            if (e instanceof AccessDeniedException) {
                return "permission denied: " + file + other;
            }
            if (e instanceof NoSuchFileException) {
                return "no such file or directory: " + file + other;
            }
            if (e instanceof FileAlreadyExistsException) {
                return file + other + " already exists (a file where a directory is needed, or in the way)";
            }
            if (e instanceof NotDirectoryException) {
                return "not a directory: " + file;
            }
            if (e instanceof DirectoryNotEmptyException) {
                return "directory not empty: " + file;
            }
            // EROFS, ENOSPC, ENOTDIR on a parent and the like: the reason is the operating system's words.
            return (file == null ? "" : file + other + ": ") + (f.getReason() != null ? f.getReason() : "I/O error");
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
