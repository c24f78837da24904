package io.cobench.data.nih;

import io.cobench.cli.UserError;
import io.cobench.data.DatasetIndex;
import io.cobench.data.Sample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Matching user-given NIH lists against a loaded index: subset import and leakage checks. */
public final class NihLists {

    /**
     * How a list relates to the official test split.
     *
     * @param listed images in the list
     * @param unknown listed images not in the label file
     * @param inTest listed images that are official test images
     * @param patients distinct patients of the listed images
     * @param patientsInTest of those, patients of the official test split
     * @param labelsCompared listed images that carry labels and are in the label file
     * @param labelsDiffer of those, images whose labels differ from the label file
     */
    public record TestOverlap(int listed, int unknown, int inTest, int patients, int patientsInTest,
                              int labelsCompared, int labelsDiffer) {
    }

    private NihLists() {
    }

    /**
     * The samples of {@code index} named by {@code file} (plain or labelled list, or a CoBooM CSV),
     * in list order. Names not in the index are an error with their count and first examples.
     */
    public static List<Sample> importSubset(DatasetIndex index, Path file) {
        List<NihListFile.Listed> listed = NihListFile.read(file);
        Map<String, Sample> byId = byId(index.samples());
        List<Sample> out = new ArrayList<>(listed.size());
        List<String> unknown = new ArrayList<>();
        for (NihListFile.Listed l : listed) {
            Sample s = byId.get(l.name());
            if (s == null) {
                unknown.add(l.name() + " (line " + l.line() + ")");
            } else {
                out.add(s);
            }
        }
        if (!unknown.isEmpty()) {
            throw new UserError(file + ": " + unknown.size() + " listed images are not in the NIH label file, e.g. "
                    + unknown.subList(0, Math.min(5, unknown.size())));
        }
        return out;
    }

    /** Compares {@code file} with {@code index}'s official {@code test} split. */
    public static TestOverlap againstTest(DatasetIndex index, Path file) {
        List<NihListFile.Listed> listed = NihListFile.read(file);
        Map<String, Sample> byId = byId(index.samples());
        Set<String> testIds = new HashSet<>();
        for (Sample s : index.split(NihLoader.TEST)) {
            testIds.add(s.id());
        }
        Set<String> testPatients = DatasetIndex.patients(index.split(NihLoader.TEST));
        Set<String> patients = new HashSet<>();
        Set<String> patientsInTest = new HashSet<>();
        int unknown = 0;
        int inTest = 0;
        int compared = 0;
        int differ = 0;
        for (NihListFile.Listed l : listed) {
            Sample s = byId.get(l.name());
            String patient;
            try {
                patient = s != null ? s.patient() : NihDataEntry.patientOfName(l.name());
            } catch (UserError e) {
                throw new UserError(file + ":" + l.line() + ": " + e.getMessage());
            }
            patients.add(patient);
            if (testPatients.contains(patient)) {
                patientsInTest.add(patient);
            }
            if (s == null) {
                unknown++;
                continue;
            }
            if (testIds.contains(s.id())) {
                inTest++;
            }
            if (l.labels() != null) {
                compared++;
                if (!findings(l.order(), l.labels()).equals(findingsOf(index, s))) {
                    differ++;
                }
            }
        }
        return new TestOverlap(listed.size(), unknown, inTest, patients.size(), patientsInTest.size(),
                compared, differ);
    }

    /** Findings of a labelled entry, compared on the classes both orders share. */
    private static Set<String> findings(NihLabelOrder order, float[] labels) {
        Set<String> f = order.decode(labels);
        f.remove(NihLabelOrder.NO_FINDING);
        return f;
    }

    private static Set<String> findingsOf(DatasetIndex index, Sample s) {
        Set<String> f = new HashSet<>();
        for (int c = 0; c < index.classes().size(); c++) {
            if (s.labels()[c] > 0.5f) {
                f.add(index.classes().get(c));
            }
        }
        f.remove(NihLabelOrder.NO_FINDING);
        return new java.util.TreeSet<>(f);
    }

    private static Map<String, Sample> byId(List<Sample> samples) {
        Map<String, Sample> m = new HashMap<>();
        for (Sample s : samples) {
            m.put(s.id(), s);
        }
        return m;
    }
}
