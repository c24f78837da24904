package io.cobench.data.nih;

import java.util.List;

/**
 * The two class orders NIH results are reported in. CoBooM's evaluation (and torchxrayvision's
 * {@code sorted()}) use 15 alphabetical classes including "No Finding", which is our default;
 * the list files of DiRA, CAiD, BTL and PCRLv2 use the 14 findings in the NIH README's order.
 */
public enum NihLabelOrder {
    /** Alphabetical, "No Finding" at index 10; mean AUC over these includes "No Finding". */
    ALPHABETICAL_15(List.of("Atelectasis", "Cardiomegaly", "Consolidation", "Edema", "Effusion",
            "Emphysema", "Fibrosis", "Hernia", "Infiltration", "Mass", "No Finding", "Nodule",
            "Pleural_Thickening", "Pneumonia", "Pneumothorax")),
    /** The 14 findings in NIH README order; a "No Finding" image is all zeros. */
    NIH_14(List.of("Atelectasis", "Cardiomegaly", "Effusion", "Infiltration", "Mass", "Nodule",
            "Pneumonia", "Pneumothorax", "Consolidation", "Edema", "Emphysema", "Fibrosis",
            "Pleural_Thickening", "Hernia"));

    /** The token for an image without findings. */
    public static final String NO_FINDING = "No Finding";

    private final List<String> classes;

    NihLabelOrder(List<String> classes) {
        this.classes = classes;
    }

    public List<String> classes() {
        return classes;
    }

    /** 0/1 labels in this order for a set of finding tokens. */
    public float[] encode(java.util.Collection<String> findings) {
        float[] out = new float[classes.size()];
        for (String f : findings) {
            int i = classes.indexOf(f);
            if (i >= 0) {
                out[i] = 1f;
            }
        }
        return out;
    }

    /** The finding tokens set in {@code labels} of this order, "No Finding" when none is. */
    public java.util.Set<String> decode(float[] labels) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] > 0.5f) {
                out.add(classes.get(i));
            }
        }
        if (out.isEmpty()) {
            out.add(NO_FINDING);
        }
        return out;
    }
}
