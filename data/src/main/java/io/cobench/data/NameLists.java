package io.cobench.data;

import io.cobench.cli.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Plain text files with one entry per line (split lists, file lists). */
public final class NameLists {

    /** One non-blank line: its 1-based number and its text without surrounding spaces. */
    public record Line(int number, String text) {
    }

    private NameLists() {
    }

    /** The non-blank lines of {@code file}, stripped. */
    public static List<Line> lines(Path file) {
        List<String> raw;
        try {
            raw = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": file not found");
        } catch (IOException e) {
            throw new UserError(file + ": cannot read: " + e.getMessage(), e);
        }
        List<Line> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            String s = raw.get(i).strip();
            if (i == 0 && s.startsWith("\uFEFF")) {
                s = s.substring(1).strip();
            }
            if (!s.isEmpty()) {
                out.add(new Line(i + 1, s));
            }
        }
        return out;
    }

    /** The last path element of {@code s} (both separators), for lists that hold paths. */
    public static String fileName(String s) {
        int i = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        return s.substring(i + 1);
    }
}
