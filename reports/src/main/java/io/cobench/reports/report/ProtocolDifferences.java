package io.cobench.reports.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where cobench's protocol departs from the paper's or the official code's in ways that bear on
 * the numbers. The list lives in one resource (protocol-against-paper.txt) so the report and
 * docs/fidelity.md, which names every key, cannot drift apart unnoticed (a test checks it).
 */
public final class ProtocolDifferences {
    static final String RESOURCE = "/io/cobench/reports/protocol-against-paper.txt";

    /**
     * One difference.
     *
     * @param key      stable identifier, also written in docs/fidelity.md
     * @param methods  the rows it affects ("all" for every row)
     * @param what     the hyperparameter or mechanism
     * @param paper    what the paper or the official code does (and which)
     * @param cobench  what cobench does and why
     * @param bearing  how it may move the numbers
     */
    public record Item(String key, String methods, String what, String paper, String cobench, String bearing) {
    }

    private ProtocolDifferences() {
    }

    public static List<Item> load() {
        try (InputStream in = ProtocolDifferences.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the build");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines of six fields separated by " | "; blank lines and lines starting with # are skipped. */
    static List<Item> parse(String text) {
        List<Item> items = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(" \\| ", -1);
            if (f.length != 6 || java.util.Arrays.stream(f).anyMatch(s -> s.isBlank())) {
                throw new IllegalStateException(RESOURCE + ":" + (i + 1) + ": expected 6 non-empty fields separated "
                        + "by ' | ', got " + f.length);
            }
            if (!keys.add(f[0].strip())) {
                throw new IllegalStateException(RESOURCE + ":" + (i + 1) + ": key '" + f[0].strip() + "' appears twice");
            }
            items.add(new Item(f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip(), f[4].strip(), f[5].strip()));
        }
        return List.copyOf(items);
    }

    /** The report.md section, heading included. */
    public static String markdown(List<Item> items) {
        StringBuilder md = new StringBuilder("## Protocol against the paper\n\n")
                .append("The paper values above come from runs that differ from these in the ways listed here. "
                        + "Each item is explained, with the official code it was checked against, in "
                        + "docs/fidelity.md under its key.\n\n")
                .append("| Key | Rows | What | Paper / official code | cobench | Bearing on the numbers |\n")
                .append("|---|---|---|---|---|---|\n");
        for (Item it : items) {
            md.append("| `").append(it.key()).append("` | ").append(cell(it.methods())).append(" | ")
                    .append(cell(it.what())).append(" | ").append(cell(it.paper())).append(" | ")
                    .append(cell(it.cobench())).append(" | ").append(cell(it.bearing())).append(" |\n");
        }
        return md.append('\n').toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }
}
