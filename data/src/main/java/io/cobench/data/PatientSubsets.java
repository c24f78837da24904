package io.cobench.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Seeded, patient-aware subsets of a sample pool: label-fraction subsets (1/5/10/30/100%) and
 * held-out parts (validation, test). A patient's images always land on the same side, which is
 * what keeps a validation or test score free of that patient's other images.
 *
 * <p>Method: patients are sorted by id and shuffled with {@code java.util.Random(seed)} (its
 * sequence is fixed by the Java specification, so results are equal across JVMs). A subset of
 * target size {@code round(n*p)} takes patients in that order, skipping any patient whose images
 * would overshoot the target, until the target is met. Subsets for growing fractions extend the
 * previous subset, so they are nested by construction. Because most NIH patients have few images
 * the target is met exactly in practice; the skipping slightly favours patients with few images
 * in the smallest subsets. Returned lists keep the pool's order.
 */
public final class PatientSubsets {

    /** The label fractions of the paper's linear-probe tables: 1, 5, 10, 30 and 100%. */
    public static final List<Double> PAPER_FRACTIONS = List.of(0.01, 0.05, 0.10, 0.30, 1.0);

    /** A pool split in two by patient. */
    public record Carve(List<Sample> rest, List<Sample> heldOut) {
    }

    private PatientSubsets() {
    }

    /**
     * Nested subsets of {@code pool} for each fraction in (0, 1], keyed by fraction in ascending
     * order. Equal inputs give equal subsets.
     */
    public static Map<Double, List<Sample>> nested(List<Sample> pool, List<Double> fractions, long seed) {
        Map<String, List<Sample>> groups = byPatient(pool);
        List<String> order = shuffled(groups.keySet(), seed);
        List<Double> sorted = new ArrayList<>(fractions);
        Collections.sort(sorted);
        Set<String> chosen = new HashSet<>();
        int[] count = {0};
        Map<Double, List<Sample>> out = new LinkedHashMap<>();
        for (double p : sorted) {
            if (!(p > 0 && p <= 1)) {
                throw new io.cobench.cli.UserError("subset fraction " + p + " is not in (0, 1]");
            }
            int target = (int) Math.round(pool.size() * p);
            take(groups, order, target, chosen, count);
            out.put(p, filter(pool, chosen));
        }
        return out;
    }

    /**
     * Holds out about {@code fraction} of {@code pool}'s images, whole patients only (a
     * validation set carved from a labelled subset, or ODIR's 20% test).
     */
    public static Carve carve(List<Sample> pool, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new io.cobench.cli.UserError("held-out fraction " + fraction + " is not in (0, 1)");
        }
        Map<String, List<Sample>> groups = byPatient(pool);
        List<String> order = shuffled(groups.keySet(), seed);
        Set<String> held = new HashSet<>();
        take(groups, order, (int) Math.round(pool.size() * fraction), held, new int[] {0});
        List<Sample> rest = new ArrayList<>();
        List<Sample> out = new ArrayList<>();
        for (Sample s : pool) {
            (held.contains(s.patient()) ? out : rest).add(s);
        }
        return new Carve(rest, out);
    }

    private static void take(Map<String, List<Sample>> groups, List<String> order, int target,
                             Set<String> chosen, int[] count) {
        for (String p : order) {
            if (count[0] >= target) {
                return;
            }
            if (chosen.contains(p)) {
                continue;
            }
            int size = groups.get(p).size();
            if (count[0] + size <= target) {
                chosen.add(p);
                count[0] += size;
            }
        }
    }

    private static Map<String, List<Sample>> byPatient(List<Sample> pool) {
        Map<String, List<Sample>> groups = new TreeMap<>();
        for (Sample s : pool) {
            groups.computeIfAbsent(s.patient(), k -> new ArrayList<>()).add(s);
        }
        return groups;
    }

    private static List<String> shuffled(Set<String> sortedPatients, long seed) {
        List<String> order = new ArrayList<>(sortedPatients);
        Collections.shuffle(order, new Random(seed));
        return order;
    }

    private static List<Sample> filter(List<Sample> pool, Set<String> patients) {
        List<Sample> out = new ArrayList<>();
        for (Sample s : pool) {
            if (patients.contains(s.patient())) {
                out.add(s);
            }
        }
        return out;
    }
}
