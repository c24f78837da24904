package io.cobench.data.fundus;

import java.util.List;
import java.util.Locale;

/**
 * Per-eye labels of ODIR-5K from an eye's diagnostic keywords. The annotation file's N..O
 * columns describe the patient (both eyes together), so per-eye labels must come from the
 * keywords, which are separated by the full-width comma U+FF0C.
 *
 * <p>Keywords map by phrase: "normal fundus" N; "proliferative retinopathy" or "diabetic
 * retinopathy" D; "glaucoma" G; "cataract" C; "macular degeneration" A; "hypertensive
 * retinopathy" H; "myopi" M; anything else O. An eye is discarded when a keyword says the photo
 * cannot be judged: datasets.md lists lens dust, low image quality, no fundus image and anterior
 * segment; JordiCorbilla's ODIR rule engine also treats "optic disk photographically invisible"
 * and "image offset" as not decisive, and so do we.
 */
public final class OdirKeywords {
    public static final List<String> CLASSES = List.of("N", "D", "G", "C", "A", "H", "M", "O");
    public static final List<String> DISCARD = List.of("lens dust", "low image quality", "no fundus image",
            "anterior segment", "optic disk photographically invisible", "image offset");
    /** U+FF0C, the separator the annotators used; an ASCII comma is accepted too. */
    public static final String SEPARATOR = "\uFF0C";

    private OdirKeywords() {
    }

    /** The keywords of one eye, stripped and lower-cased, without empties. */
    public static List<String> split(String keywords) {
        return java.util.Arrays.stream(keywords.split("[\uFF0C,]"))
                .map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** The discard phrase found in {@code keywords}, or null if the eye is usable. */
    public static String discardReason(List<String> keywords) {
        for (String k : keywords) {
            for (String d : DISCARD) {
                if (k.contains(d)) {
                    return d;
                }
            }
        }
        return null;
    }

    /** 0/1 labels in {@link #CLASSES} order for a usable eye. */
    public static float[] labels(List<String> keywords) {
        float[] out = new float[CLASSES.size()];
        for (String k : keywords) {
            out[CLASSES.indexOf(classOf(k))] = 1f;
        }
        return out;
    }

    static String classOf(String k) {
        if (k.contains("normal fundus")) {
            return "N";
        } else if (k.contains("proliferative retinopathy") || k.contains("diabetic retinopathy")) {
            return "D";
        } else if (k.contains("glaucoma")) {
            return "G";
        } else if (k.contains("cataract")) {
            return "C";
        } else if (k.contains("macular degeneration")) {
            return "A";
        } else if (k.contains("hypertensive retinopathy")) {
            return "H";
        } else if (k.contains("myopi")) {
            return "M";
        }
        return "O";
    }
}
