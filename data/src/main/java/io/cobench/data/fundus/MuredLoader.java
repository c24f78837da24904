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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MuReD (Kaggle mirror layout): {@code train_data.csv} and {@code val_data.csv} with the
 * 21-column header, images in {@code images/images/<ID>.<ext>} where the extension is probed as
 * png, tif, jpg in that order. IDs stay strings ({@code 4}, {@code 1096}, {@code im0007}); the
 * 20 class columns are found by name, so a reordered header still reads right.
 * Unlabelled images in the folder are ignored. Splits {@code train} and {@code val} are the two
 * files; patients are unknown, so each ID is its own patient.
 */
public final class MuredLoader implements DatasetLoader {
    public static final List<String> CLASSES = List.of("DR", "NORMAL", "MH", "ODC", "TSLN", "ARMD",
            "DN", "MYA", "BRVO", "ODP", "CRVO", "CNV", "RS", "ODE", "LS", "CSR", "HTR", "ASR", "CRS", "OTHER");
    public static final List<String> EXTENSIONS = List.of("png", "tif", "jpg");

    @Override
    public String name() {
        return "mured";
    }

    @Override
    public DatasetIndex load(Path root) {
        if (!Files.isDirectory(root)) {
            throw new UserError(root + ": not a directory");
        }
        Path dir = root.resolve("images").resolve("images");
        Map<String, List<Sample>> splits = new LinkedHashMap<>();
        List<Sample> all = new ArrayList<>();
        Set<String> missing = new LinkedHashSet<>();
        Map<String, String> seen = new HashMap<>();
        for (String split : List.of("train", "val")) {
            Path file = root.resolve(split + "_data.csv");
            CsvTable t = CsvTable.read(file, true);
            int id = t.column("ID");
            int[] cols = new int[CLASSES.size()];
            for (int c = 0; c < cols.length; c++) {
                cols[c] = t.column(CLASSES.get(c));
            }
            List<Sample> samples = new ArrayList<>(t.rows().size());
            for (CsvTable.Row r : t.rows()) {
                String name = r.fields().get(id);
                if (name.isEmpty()) {
                    throw new UserError(t.where(r) + ": empty ID");
                }
                String prev = seen.putIfAbsent(name, file.getFileName() + ":" + r.line());
                if (prev != null) {
                    throw new UserError(t.where(r) + ": ID " + name + " already listed at " + prev);
                }
                float[] labels = new float[cols.length];
                for (int c = 0; c < cols.length; c++) {
                    String v = r.fields().get(cols[c]);
                    switch (v) {
                        case "0" -> labels[c] = 0f;
                        case "1" -> labels[c] = 1f;
                        default -> throw new UserError(t.where(r) + ": " + CLASSES.get(c) + " = '" + v
                                + "', expected 0 or 1");
                    }
                }
                Path p = probe(dir, name);
                if (p == null) {
                    missing.add(name);
                    p = dir.resolve(name + "." + EXTENSIONS.get(0));
                }
                samples.add(new Sample(name, p, name, labels));
            }
            splits.put(split, samples);
            all.addAll(samples);
        }
        return new DatasetIndex(name(), root, CLASSES, all, splits, missing);
    }

    /** The first existing {@code <id>.<ext>} in probe order, or null. */
    static Path probe(Path dir, String id) {
        for (String ext : EXTENSIONS) {
            Path p = dir.resolve(id + "." + ext);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }
}
