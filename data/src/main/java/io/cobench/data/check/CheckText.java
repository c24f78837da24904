package io.cobench.data.check;

import io.cobench.data.nih.NihLists;
import java.util.Locale;
import java.util.Map;

/** The human-readable form of a {@link CheckReport}. */
final class CheckText {

    private CheckText() {
    }

    static String format(CheckReport r) {
        StringBuilder b = new StringBuilder();
        line(b, "dataset %s at %s", r.dataset(), r.root());
        CheckReport.Images im = r.images();
        line(b, "images: %s listed, %s found, %s missing", n(im.listed()), n(im.found()), n(im.missing()));
        if (!im.missingExamples().isEmpty()) {
            line(b, "  missing, e.g.: %s", String.join(", ", im.missingExamples()));
        }
        if (im.unreadable() == null) {
            line(b, "  not decoded (--no-decode)");
        } else {
            line(b, "  decoded: %s of %s found images unreadable", n(im.unreadable()), n(im.found()));
            im.unreadableExamples().forEach(e -> line(b, "  unreadable: %s", e));
        }
        line(b, "splits:%s", r.splits().isEmpty() ? " none" : "");
        r.splits().forEach((name, s) -> line(b, "  %-10s %9s images  %7s patients", name, n(s.images()),
                n(s.patients())));
        r.sharedPatients().forEach((pair, k) -> line(b, "patients shared %s: %s", pair.replace("|", " / "), n(k)));
        int width = r.classes().stream().mapToInt(String::length).max().orElse(5);
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-" + width + "s %9s", "class", "all"));
        r.splits().keySet().forEach(s -> head.append(String.format(Locale.ROOT, " %10s", s)));
        line(b, "label counts:");
        line(b, "%s", head);
        for (String c : r.classes()) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-" + width + "s %9s", c,
                    n(r.labelCounts().get(c))));
            r.splits().values().forEach(s -> row.append(String.format(Locale.ROOT, " %10s", n(s.labelCounts().get(c)))));
            line(b, "%s", row);
        }
        if (r.boxes() != null) {
            CheckReport.Boxes x = r.boxes();
            line(b, "boxes: %s on %s images (%s with more than one)%s", n(x.boxes()), n(x.images()),
                    n(x.multiBoxImages()), x.imagesNotInTest() == null ? ""
                            : ", " + n(x.imagesNotInTest()) + " images outside the test split");
            line(b, "  per finding: %s", join(x.perFinding()));
        }
        if (r.siim() != null) {
            CheckReport.Siim s = r.siim();
            line(b, "masks: %s rows, %s unique images, %s positive, %s negative", n(s.rows()),
                    n(s.uniqueImages()), n(s.positives()), n(s.negatives()));
            line(b, "  %s images with more than one region, %s mask pixels in all (union per image), %s mask files found",
                    n(s.multiRegionImages()), n(s.totalMaskPixels()), n(s.maskFilesFound()));
        }
        if (r.againstTest() != null) {
            NihLists.TestOverlap o = r.againstTest();
            line(b, "against test: %s listed, %s not in the label file, %s in the official test split",
                    n(o.listed()), n(o.unknown()), n(o.inTest()));
            line(b, "  patients: %s listed, %s of them test patients", n(o.patients()), n(o.patientsInTest()));
            if (o.labelsCompared() > 0) {
                line(b, "  labels differ from the label file for %s of %s labelled images", n(o.labelsDiffer()),
                        n(o.labelsCompared()));
            }
        }
        if (r.maskExport() != null) {
            line(b, "masks written: %s to %s", n(r.maskExport().written()), r.maskExport().dir());
        }
        return b.toString();
    }

    private static String join(Map<String, Integer> m) {
        StringBuilder s = new StringBuilder();
        m.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append(' ').append(n(v)));
        return s.toString();
    }

    private static String n(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    private static void line(StringBuilder b, String fmt, Object... args) {
        b.append(String.format(Locale.ROOT, fmt, args)).append(System.lineSeparator());
    }
}
