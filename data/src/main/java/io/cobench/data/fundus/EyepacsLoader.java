package io.cobench.data.fundus;

import io.cobench.cli.UserError;
import io.cobench.data.CsvTable;
import io.cobench.data.DatasetIndex;
import io.cobench.data.DatasetLoader;
import io.cobench.data.Sample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * EyePACS (Kaggle diabetic-retinopathy-detection) after extraction: {@code trainLabels.csv}
 * ({@code image,level}, image without extension) and {@code train/<image>.jpeg}. The grade
 * 0..4 is one-hot over classes {@code level0..level4}; the patient is the name before
 * {@code _left}/{@code _right}. CoBooM pretrains on these images without labels; there is one
 * split, {@code train}.
 */
public final class EyepacsLoader implements DatasetLoader {
    public static final List<String> CLASSES = List.of("level0", "level1", "level2", "level3", "level4");

    @Override
    public String name() {
        return "eyepacs";
    }

    @Override
    public DatasetIndex load(Path root) {
        if (!Files.isDirectory(root)) {
            throw new UserError(root + ": not a directory");
        }
        CsvTable t = CsvTable.read(root.resolve("trainLabels.csv"), true);
        int image = t.column("image");
        int level = t.column("level");
        List<Sample> samples = new ArrayList<>(t.rows().size());
        Set<String> missing = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (CsvTable.Row r : t.rows()) {
            String id = r.fields().get(image);
            if (id.isEmpty()) {
                throw new UserError(t.where(r) + ": empty image name");
            }
            Integer first = seen.putIfAbsent(id, r.line());
            if (first != null) {
                throw new UserError(t.where(r) + ": image " + id + " already listed at line " + first);
            }
            int grade = grade(t, r, r.fields().get(level));
            float[] labels = new float[CLASSES.size()];
            labels[grade] = 1f;
            Path p = root.resolve("train").resolve(id + ".jpeg");
            if (!Files.isRegularFile(p)) {
                missing.add(id);
            }
            samples.add(new Sample(id, p, patientOf(id), labels));
        }
        return new DatasetIndex(name(), root, CLASSES, samples, Map.of("train", samples), missing);
    }

    private static int grade(CsvTable t, CsvTable.Row r, String s) {
        try {
            int g = Integer.parseInt(s);
            if (g >= 0 && g < CLASSES.size()) {
                return g;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserError(t.where(r) + ": level '" + s + "' is not an integer 0..4");
    }

    static String patientOf(String id) {
        int u = id.lastIndexOf('_');
        return u > 0 ? id.substring(0, u) : id;
    }
}
