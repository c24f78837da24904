package io.cobench.data.fundus;

import io.cobench.cli.UserError;
import io.cobench.data.CsvTable;
import io.cobench.data.DatasetIndex;
import io.cobench.data.DatasetLoader;
import io.cobench.data.PatientSubsets;
import io.cobench.data.Sample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ODIR-5K, per eye, from Kaggle's {@code full_df.csv} (one row per kept eye; {@code target} is
 * the string {@code "[1, 0, 0, 0, 0, 0, 0, 0]"} in N,D,G,C,A,H,M,O order) or, when that file is
 * absent, from the official annotation workbook (see {@link OdirWorkbook}).
 *
 * <p>Images are looked up by file name ({@code <ID>_left.jpg}) in the first of
 * {@link #IMAGE_DIRS} that has it: the full-size originals before Kaggle's 512-pixel
 * {@code preprocessed_images/}. Patients are IDs; the split holds out 20% of the images as
 * {@code test}, whole patients only (both eyes together), seeded.
 */
public final class OdirLoader implements DatasetLoader {
    public static final String TRAIN = "train";
    public static final String TEST = "test";
    public static final double TEST_FRACTION = 0.2;
    public static final List<String> IMAGE_DIRS = List.of("ODIR-5K_Training_Images",
            "ODIR-5K_Training_Dataset", "ODIR-5K/ODIR-5K/Training Images", "Training Images",
            "preprocessed_images");
    public static final List<String> WORKBOOKS = List.of("ODIR-5K_Training_Annotations(Updated)_V2.xlsx",
            "ODIR-5K/ODIR-5K/data.xlsx", "data.xlsx");

    /** One usable eye before image lookup. */
    record Eye(String file, String patient, float[] labels) {
    }

    private final long seed;

    public OdirLoader(long seed) {
        this.seed = seed;
    }

    @Override
    public String name() {
        return "odir";
    }

    @Override
    public DatasetIndex load(Path root) {
        if (!Files.isDirectory(root)) {
            throw new UserError(root + ": not a directory");
        }
        List<Eye> eyes = readEyes(root);
        List<Sample> samples = new ArrayList<>(eyes.size());
        Set<String> missing = new LinkedHashSet<>();
        for (Eye e : eyes) {
            Path p = find(root, e.file());
            if (p == null) {
                missing.add(e.file());
                p = root.resolve(IMAGE_DIRS.get(0)).resolve(e.file());
            }
            samples.add(new Sample(e.file(), p, e.patient(), e.labels()));
        }
        PatientSubsets.Carve c = PatientSubsets.carve(samples, TEST_FRACTION, seed);
        Map<String, List<Sample>> splits = new LinkedHashMap<>();
        splits.put(TRAIN, c.rest());
        splits.put(TEST, c.heldOut());
        return new DatasetIndex(name(), root, OdirKeywords.CLASSES, samples, splits, missing);
    }

    private static List<Eye> readEyes(Path root) {
        Path csv = root.resolve("full_df.csv");
        if (Files.isRegularFile(csv)) {
            return readFullDf(csv);
        }
        for (String w : WORKBOOKS) {
            if (Files.isRegularFile(root.resolve(w))) {
                return OdirWorkbook.read(root.resolve(w)).eyes();
            }
        }
        throw new UserError(root + ": no ODIR annotations (full_df.csv or " + String.join(" or ", WORKBOOKS) + ")");
    }

    static List<Eye> readFullDf(Path csv) {
        CsvTable t = CsvTable.read(csv, true);
        int id = t.column("ID");
        int file = t.column("filename");
        int target = t.column("target");
        List<Eye> out = new ArrayList<>(t.rows().size());
        Map<String, Integer> seen = new HashMap<>();
        for (CsvTable.Row r : t.rows()) {
            String patient = r.fields().get(id);
            String name = r.fields().get(file);
            if (!name.equals(patient + "_left.jpg") && !name.equals(patient + "_right.jpg")) {
                throw new UserError(t.where(r) + ": filename '" + name + "' is not " + patient
                        + "_left.jpg or " + patient + "_right.jpg");
            }
            Integer first = seen.putIfAbsent(name, r.line());
            if (first != null) {
                throw new UserError(t.where(r) + ": image " + name + " already listed at line " + first);
            }
            out.add(new Eye(name, patient, target(t, r, r.fields().get(target))));
        }
        return out;
    }

    private static float[] target(CsvTable t, CsvTable.Row r, String s) {
        String body = s.strip();
        if (!body.startsWith("[") || !body.endsWith("]")) {
            throw new UserError(t.where(r) + ": target '" + s + "' is not a list like [1, 0, 0, 0, 0, 0, 0, 0]");
        }
        String[] tok = body.substring(1, body.length() - 1).split(",");
        if (tok.length != OdirKeywords.CLASSES.size()) {
            throw new UserError(t.where(r) + ": target '" + s + "' has " + tok.length + " values, expected "
                    + OdirKeywords.CLASSES.size());
        }
        float[] out = new float[tok.length];
        for (int i = 0; i < tok.length; i++) {
            switch (tok[i].strip()) {
                case "0" -> out[i] = 0f;
                case "1" -> out[i] = 1f;
                default -> throw new UserError(t.where(r) + ": target '" + s + "' holds '" + tok[i].strip()
                        + "', expected 0 or 1");
            }
        }
        return out;
    }

    private static Path find(Path root, String file) {
        for (String d : IMAGE_DIRS) {
            Path p = root.resolve(d).resolve(file);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }
}
