package io.cobench.data.nih;

import io.cobench.cli.UserError;
import io.cobench.data.DatasetIndex;
import io.cobench.data.DatasetLoader;
import io.cobench.data.FileNameIndex;
import io.cobench.data.NameLists;
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
 * NIH ChestX-ray14 in either real layout (flat {@code images/} or Kaggle's
 * {@code images_0NN/images/}): every {@code *.png} below the root is indexed by file name.
 * Splits {@code train_val} and {@code test} come from {@code train_val_list.txt} and
 * {@code test_list.txt} when both are present. Patients are {@code Patient ID}s.
 */
public final class NihLoader implements DatasetLoader {
    public static final String TRAIN_VAL = "train_val";
    public static final String TEST = "test";

    private final NihLabelOrder order;

    public NihLoader(NihLabelOrder order) {
        this.order = order;
    }

    @Override
    public String name() {
        return "nih";
    }

    @Override
    public DatasetIndex load(Path root) {
        requireDirectory(root);
        List<NihDataEntry.Entry> entries = NihDataEntry.read(NihDataEntry.locate(root));
        FileNameIndex images = FileNameIndex.build(root, "png");
        List<Sample> samples = new ArrayList<>(entries.size());
        Set<String> missing = new LinkedHashSet<>();
        Map<String, Sample> byId = new HashMap<>();
        for (NihDataEntry.Entry e : entries) {
            Path p = images.get(e.image());
            if (p == null) {
                missing.add(e.image());
                p = root.resolve("images").resolve(e.image());
            }
            Sample s = new Sample(e.image(), p, e.patient(), order.encode(e.findings()));
            samples.add(s);
            byId.put(s.id(), s);
        }
        return new DatasetIndex(name(), root, order.classes(), samples, officialSplit(root, byId), missing);
    }

    static void requireDirectory(Path root) {
        if (!Files.isDirectory(root)) {
            throw new UserError(root + ": not a directory");
        }
    }

    private static Map<String, List<Sample>> officialSplit(Path root, Map<String, Sample> byId) {
        Path tv = root.resolve("train_val_list.txt");
        Path test = root.resolve("test_list.txt");
        Map<String, List<Sample>> splits = new LinkedHashMap<>();
        boolean hasTv = Files.isRegularFile(tv);
        boolean hasTest = Files.isRegularFile(test);
        if (hasTv != hasTest) {
            throw new UserError(root + ": found " + (hasTv ? tv.getFileName() : test.getFileName())
                    + " without " + (hasTv ? test.getFileName() : tv.getFileName())
                    + "; the official split needs both");
        }
        if (!hasTv) {
            return splits;
        }
        Map<String, String> seenIn = new HashMap<>();
        splits.put(TRAIN_VAL, readList(tv, byId, seenIn));
        splits.put(TEST, readList(test, byId, seenIn));
        return splits;
    }

    private static List<Sample> readList(Path file, Map<String, Sample> byId, Map<String, String> seenIn) {
        List<Sample> out = new ArrayList<>();
        for (NameLists.Line l : NameLists.lines(file)) {
            String name = NameLists.fileName(l.text());
            Sample s = byId.get(name);
            if (s == null) {
                throw new UserError(file + ":" + l.number() + ": image " + name + " is not in the label file");
            }
            String where = file.getFileName() + ":" + l.number();
            String prev = seenIn.putIfAbsent(name, where);
            if (prev != null) {
                throw new UserError(file + ":" + l.number() + ": image " + name + " already listed at " + prev);
            }
            out.add(s);
        }
        return out;
    }
}
