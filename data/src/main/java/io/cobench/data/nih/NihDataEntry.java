package io.cobench.data.nih;

import io.cobench.cli.UserError;
import io.cobench.data.CsvTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * NIH's label file: {@code Data_Entry_2017_v2020.csv} or Kaggle's older
 * {@code Data_Entry_2017.csv} (trailing comma; {@code Patient Sex} in some copies instead of
 * {@code Patient Gender}). Columns are found by name; only image, findings and patient are used.
 */
public final class NihDataEntry {

    /** The label file names, preferred first. */
    public static final List<String> FILE_NAMES = List.of("Data_Entry_2017_v2020.csv", "Data_Entry_2017.csv");

    /** All 15 tokens that may appear in {@code Finding Labels}. */
    public static final Set<String> TOKENS = Set.copyOf(NihLabelOrder.ALPHABETICAL_15.classes());

    /**
     * One row.
     *
     * @param image file name, e.g. {@code 00000001_000.png}
     * @param findings the {@code |}-separated tokens, "No Finding" alone for healthy images
     * @param patient {@code Patient ID} as an unpadded integer string
     * @param line line in the file
     */
    public record Entry(String image, Set<String> findings, String patient, int line) {
    }

    private NihDataEntry() {
    }

    /** The label file under {@code root}, preferring the v2020 one. */
    public static Path locate(Path root) {
        for (String n : FILE_NAMES) {
            Path p = root.resolve(n);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new UserError(root + ": no NIH label file (" + String.join(" or ", FILE_NAMES) + ") there");
    }

    /** All rows, checked: known tokens, integer patient ids, no image listed twice. */
    public static List<Entry> read(Path file) {
        CsvTable t = CsvTable.read(file, true);
        int image = t.column("Image Index");
        int labels = t.column("Finding Labels");
        int patient = t.column("Patient ID");
        t.column("Patient Gender", "Patient Sex");
        List<Entry> out = new ArrayList<>(t.rows().size());
        Map<String, Integer> seen = new HashMap<>();
        for (CsvTable.Row r : t.rows()) {
            String name = r.fields().get(image);
            if (!name.endsWith(".png")) {
                throw new UserError(t.where(r) + ": Image Index '" + name + "' is not a .png file name");
            }
            Integer first = seen.putIfAbsent(name, r.line());
            if (first != null) {
                throw new UserError(t.where(r) + ": image " + name + " already listed at line " + first);
            }
            out.add(new Entry(name, findings(t, r, r.fields().get(labels)),
                    patientId(t, r, r.fields().get(patient)), r.line()));
        }
        return out;
    }

    private static Set<String> findings(CsvTable t, CsvTable.Row r, String value) {
        Set<String> set = new LinkedHashSet<>();
        for (String tok : value.split("\\|", -1)) {
            String f = tok.strip();
            if (!TOKENS.contains(f)) {
                throw new UserError(t.where(r) + ": unknown finding '" + f + "' in '" + value + "'");
            }
            set.add(f);
        }
        if (set.contains(NihLabelOrder.NO_FINDING) && set.size() > 1) {
            throw new UserError(t.where(r) + ": 'No Finding' together with a finding in '" + value + "'");
        }
        return set;
    }

    private static String patientId(CsvTable t, CsvTable.Row r, String value) {
        try {
            return Integer.toString(Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            throw new UserError(t.where(r) + ": Patient ID '" + value + "' is not an integer");
        }
    }

    /** Patient of an NIH file name: the integer value of its 8-digit prefix. */
    public static String patientOfName(String name) {
        int u = name.indexOf('_');
        try {
            return Integer.toString(Integer.parseInt(name.substring(0, u)));
        } catch (RuntimeException e) {
            throw new UserError("'" + name + "' is not an NIH file name (PPPPPPPP_NNN.png)");
        }
    }
}
