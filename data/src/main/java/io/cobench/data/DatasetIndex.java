package io.cobench.data;

import io.cobench.cli.UserError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a loader found for one dataset: the class names, every labelled sample, and named splits.
 * This is what the other modules consume; it never touches pixels.
 *
 * <p>{@code samples} follow the label file's row order. Each split is a list of samples drawn
 * from {@code samples} (the same objects), in the order the split file or rule gives them.
 * Split names are lower-case words: {@code train_val}/{@code test} (NIH official),
 * {@code train}/{@code val} (SIIM, MuReD), {@code train}/{@code test} (ODIR), {@code train}
 * (EyePACS).
 *
 * @param dataset registry name: nih, siim, eyepacs, mured, odir
 * @param root the directory the user pointed at
 * @param classes class names in the order of {@link Sample#labels()}
 * @param samples all labelled samples
 * @param splits split name to its samples, in a stable order
 * @param missing ids of samples whose image file was not found under {@code root}
 */
public record DatasetIndex(String dataset, Path root, List<String> classes, List<Sample> samples,
                           Map<String, List<Sample>> splits, Set<String> missing) {

    public DatasetIndex {
        classes = List.copyOf(classes);
        samples = Collections.unmodifiableList(new ArrayList<>(samples));
        Map<String, List<Sample>> copy = new LinkedHashMap<>();
        splits.forEach((k, v) -> copy.put(k, Collections.unmodifiableList(new ArrayList<>(v))));
        splits = Collections.unmodifiableMap(copy);
        missing = Collections.unmodifiableSet(new java.util.LinkedHashSet<>(missing));
    }

    /** The samples of split {@code name}; an error listing the splits there are if absent. */
    public List<Sample> split(String name) {
        List<Sample> s = splits.get(name);
        if (s == null) {
            throw new UserError(dataset + " has no split '" + name + "'; splits: " + splits.keySet());
        }
        return s;
    }

    /** Position of class {@code name} in {@link Sample#labels()}. */
    public int classIndex(String name) {
        int i = classes.indexOf(name);
        if (i < 0) {
            throw new UserError(dataset + " has no class '" + name + "'; classes: " + classes);
        }
        return i;
    }

    /** Samples whose image exists on disk. */
    public List<Sample> found() {
        List<Sample> out = new ArrayList<>(samples.size() - missing.size());
        for (Sample s : samples) {
            if (!missing.contains(s.id())) {
                out.add(s);
            }
        }
        return out;
    }

    /** Positives per class over {@code of}, in class order. */
    public Map<String, Integer> labelCounts(List<Sample> of) {
        int[] n = new int[classes.size()];
        for (Sample s : of) {
            float[] l = s.labels();
            for (int c = 0; c < l.length; c++) {
                if (l[c] > 0.5f) {
                    n[c]++;
                }
            }
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int c = 0; c < n.length; c++) {
            out.put(classes.get(c), n[c]);
        }
        return out;
    }

    /** Distinct patients of {@code of}. */
    public static Set<String> patients(List<Sample> of) {
        Set<String> p = new HashSet<>();
        for (Sample s : of) {
            p.add(s.patient());
        }
        return p;
    }

    /**
     * For every pair of splits, the number of patients found in both, keyed {@code "a|b"}.
     * Zero everywhere means the splits cannot leak a patient's images into evaluation.
     */
    public Map<String, Integer> sharedPatients() {
        List<String> names = new ArrayList<>(splits.keySet());
        Map<String, Set<String>> byName = new TreeMap<>();
        for (String n : names) {
            byName.put(n, patients(splits.get(n)));
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                Set<String> a = byName.get(names.get(i));
                int shared = 0;
                for (String p : byName.get(names.get(j))) {
                    if (a.contains(p)) {
                        shared++;
                    }
                }
                out.put(names.get(i) + "|" + names.get(j), shared);
            }
        }
        return out;
    }
}
