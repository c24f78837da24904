package io.cobench.data.nih;

import io.cobench.cli.UserError;
import io.cobench.data.CsvTable;
import io.cobench.data.NameLists;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Image lists that users bring for NIH: plain lists (one file name per line), the
 * name-plus-14-labels files of DiRA, CAiD, BTL and PCRLv2 (NIH README order; PCRLv2's trailing
 * space is fine), and CoBooM's subset CSVs ({@code filename} = an absolute Kaggle-layout path,
 * plus 15 alphabetical one-hot columns). Entries are matched to the dataset by file name.
 */
public final class NihListFile {

    /**
     * One listed image.
     *
     * @param name file name (directories stripped)
     * @param line line in the list file
     * @param labels 0/1 per class of {@code order}, or null for a plain list
     * @param order the class order of {@code labels}, or null
     */
    public record Listed(String name, int line, float[] labels, NihLabelOrder order) {
    }

    private NihListFile() {
    }

    /** Reads a {@code .csv} as a CoBooM subset, anything else as a (labelled) list. */
    public static List<Listed> read(Path file) {
        List<Listed> out = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")
                ? readCoboomCsv(file) : readList(file);
        Map<String, Integer> seen = new HashMap<>();
        for (Listed l : out) {
            Integer first = seen.putIfAbsent(l.name(), l.line());
            if (first != null) {
                throw new UserError(file + ":" + l.line() + ": image " + l.name()
                        + " already listed at line " + first);
            }
        }
        return out;
    }

    private static List<Listed> readList(Path file) {
        List<Listed> out = new ArrayList<>();
        int n = NihLabelOrder.NIH_14.classes().size();
        for (NameLists.Line l : NameLists.lines(file)) {
            String[] tok = l.text().split("\\s+");
            String name = NameLists.fileName(tok[0]);
            if (tok.length == 1) {
                out.add(new Listed(name, l.number(), null, null));
            } else if (tok.length == n + 1) {
                float[] labels = new float[n];
                for (int c = 0; c < n; c++) {
                    labels[c] = bit(file + ":" + l.number(), tok[c + 1]);
                }
                out.add(new Listed(name, l.number(), labels, NihLabelOrder.NIH_14));
            } else {
                throw new UserError(file + ":" + l.number() + ": expected a file name alone or followed by "
                        + n + " labels, found " + (tok.length - 1) + " values after the name");
            }
        }
        return out;
    }

    private static List<Listed> readCoboomCsv(Path file) {
        CsvTable t = CsvTable.read(file, true);
        int name = t.column("filename");
        List<String> classes = NihLabelOrder.ALPHABETICAL_15.classes();
        int[] cols = new int[classes.size()];
        for (int c = 0; c < cols.length; c++) {
            cols[c] = t.column(classes.get(c));
        }
        List<Listed> out = new ArrayList<>(t.rows().size());
        for (CsvTable.Row r : t.rows()) {
            float[] labels = new float[cols.length];
            for (int c = 0; c < cols.length; c++) {
                labels[c] = bit(t.where(r), r.fields().get(cols[c]));
            }
            out.add(new Listed(NameLists.fileName(r.fields().get(name)), r.line(), labels,
                    NihLabelOrder.ALPHABETICAL_15));
        }
        return out;
    }

    private static float bit(String where, String s) {
        return switch (s) {
            case "0", "0.0" -> 0f;
            case "1", "1.0" -> 1f;
            default -> throw new UserError(where + ": label '" + s + "' is not 0 or 1");
        };
    }
}
