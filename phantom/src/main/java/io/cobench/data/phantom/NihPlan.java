package io.cobench.data.phantom;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The metadata of a phantom ChestX-ray14: patients with follow-up series, findings with the real
 * prevalence order and typical co-occurrences, demographics, projection, and a patient-level
 * train/test assignment. Pixels are painted later from this plan, one image at a time.
 */
final class NihPlan {
    /** One radiograph as Data_Entry_2017_v2020.csv describes it, plus what the painter needs. */
    record Image(String file, int patient, int suffix, int followUp, int age, String gender, boolean ap,
                 int originalWidth, int originalHeight, String spacing, Set<NihFinding> findings,
                 boolean test, ChestAnatomy anatomy, long seed) {
    }

    private static final int[][] ORIGINAL_SIZES = {
        {2500, 2048}, {2048, 2500}, {2992, 2991}, {3056, 2544}, {2682, 2749}, {2021, 2021}, {3000, 2992},
        {2446, 2430}};
    private static final String[] SPACINGS = {"0.143", "0.168", "0.139", "0.171", "0.14300000000000002", "0.115"};

    /** Pairs (a, b, q): when a is present, b joins with chance q (typical co-occurrences). */
    private static final Object[][] CO_OCCURRENCE = {
        {NihFinding.EDEMA, NihFinding.EFFUSION, 0.4},
        {NihFinding.CARDIOMEGALY, NihFinding.EFFUSION, 0.25},
        {NihFinding.ATELECTASIS, NihFinding.EFFUSION, 0.2},
        {NihFinding.PNEUMONIA, NihFinding.INFILTRATION, 0.4},
        {NihFinding.CONSOLIDATION, NihFinding.INFILTRATION, 0.25},
        {NihFinding.MASS, NihFinding.NODULE, 0.2},
        {NihFinding.EMPHYSEMA, NihFinding.PNEUMOTHORAX, 0.15},
    };

    private NihPlan() {
    }

    /** {@code count} images of consecutive patients 1, 2, ...; a pure function of the seed. */
    static List<Image> plan(long seed, int count) {
        List<Image> images = new ArrayList<>(count);
        int patient = 0;
        while (images.size() < count) {
            patient++;
            SplittableRandom r = Seeds.rng(seed, "nih-patient", patient);
            int series = Math.min(seriesLength(r), count - images.size());
            String gender = Seeds.chance(r, 0.56) ? "M" : "F";
            int age0 = (int) Math.round(Math.min(94, Math.max(1, 47 + 17 * Seeds.gaussian(r))));
            // the first two patients pin one to each split, so both lists are never empty
            boolean test = patient == 1 ? false : patient == 2 || Seeds.chance(r, 0.23);
            double abnormal = Seeds.uniform(r, 0.2, 0.8);
            boolean renumbered = Seeds.chance(r, 0.2);
            int[] size = ORIGINAL_SIZES[r.nextInt(ORIGINAL_SIZES.length)];
            String spacing = SPACINGS[r.nextInt(SPACINGS.length)];
            Set<NihFinding> chronic = EnumSet.noneOf(NihFinding.class);
            for (NihFinding f : NihFinding.values()) {
                if (f.chronic > 0 && Seeds.chance(r, f.chronic / 0.85)) {
                    chronic.add(f);
                }
            }
            ChestAnatomy anatomy = ChestAnatomy.sample(Seeds.rng(seed, "nih-anatomy", patient));
            int age = age0;
            for (int k = 0; k < series; k++) {
                SplittableRandom ri = Seeds.rng(seed, "nih-image", patient, k);
                Set<NihFinding> findings = findings(ri, chronic, abnormal);
                if (patient == 2 && k == 0) {
                    // pins a boxed "Infiltrate" in the test split, which every phantom must show
                    findings.add(NihFinding.INFILTRATION);
                }
                if (k > 0) {
                    age = Math.min(95, age + (Seeds.chance(ri, 0.4) ? 1 : 0));
                }
                boolean ap = Seeds.chance(ri, findings.isEmpty() ? 0.3 : 0.5);
                ChestAnatomy pose = k == 0 ? anatomy : anatomy.followUp(ri);
                images.add(new Image(String.format("%08d_%03d.png", patient, k), patient, k,
                        renumbered ? k + 1 : k, age, gender, ap, size[0], size[1], spacing, findings, test,
                        pose, Seeds.mix(seed, "nih-pixels".hashCode(), patient, k)));
            }
        }
        return images;
    }

    private static int seriesLength(SplittableRandom r) {
        double u = r.nextDouble();
        if (u < 0.45) {
            return 1;
        }
        if (u < 0.65) {
            return 2;
        }
        if (u < 0.77) {
            return 3;
        }
        if (u < 0.85) {
            return 4;
        }
        if (u < 0.91) {
            return 5;
        }
        return 6 + r.nextInt(5);
    }

    /** One image's findings: lasting ones mostly persist, acute ones come and go. */
    static Set<NihFinding> findings(SplittableRandom r, Set<NihFinding> chronic, double abnormal) {
        Set<NihFinding> out = EnumSet.noneOf(NihFinding.class);
        for (NihFinding f : chronic) {
            if (Seeds.chance(r, 0.85)) {
                out.add(f);
            }
        }
        if (Seeds.chance(r, abnormal)) {
            for (NihFinding f : NihFinding.values()) {
                if (f.acute > 0 && Seeds.chance(r, f.acute)) {
                    out.add(f);
                }
            }
        }
        for (Object[] rule : CO_OCCURRENCE) {
            if (out.contains((NihFinding) rule[0]) && Seeds.chance(r, (Double) rule[2])) {
                out.add((NihFinding) rule[1]);
            }
        }
        return out;
    }

    /** The {@code Finding Labels} field: tokens in alphabetical order, or "No Finding". */
    static String labels(Set<NihFinding> findings) {
        if (findings.isEmpty()) {
            return NihFinding.NO_FINDING;
        }
        return findings.stream().map(f -> f.label).sorted().reduce((x, y) -> x + "|" + y).orElseThrow();
    }
}
