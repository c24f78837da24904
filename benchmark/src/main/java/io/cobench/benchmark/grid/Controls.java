package io.cobench.benchmark.grid;

/**
 * The two reference encoders every method is judged against. The floor, "Sup." in the paper's
 * tables, is the randomly initialised encoder (no pretraining). The ceiling is an encoder trained on
 * the NIH labels themselves: if it does not clear the floor by a wide margin, the task cannot tell
 * representations apart and no method comparison on it means anything.
 */
public final class Controls {
    /** The paper's "Sup.": random initialisation, drawn from the unit's seed. */
    public static final String FLOOR = "sup";
    /** Supervised training on the labelled NIH training split, then frozen like a pretrained encoder. */
    public static final String CEILING = "supervised";
    public static final String CEILING_ROW = "Supervised (labels)";

    private Controls() {
    }

    /** Checks what the ceiling needs from a grid: its training settings and chest data only. */
    static void check(java.util.List<String> methods, java.util.Map<String, java.util.List<Integer>> datasets,
                      EvalSpec eval) {
        if (!methods.contains(CEILING)) {
            return;
        }
        if (eval.ceiling() == null) {
            throw new IllegalArgumentException("method '" + CEILING + "' (the supervised ceiling) needs eval.ceiling: "
                    + "the training settings of its supervised run on the NIH labels");
        }
        for (String d : datasets.keySet()) {
            if (Downstream.parse(d).domain() != Domain.CHEST) {
                throw new IllegalArgumentException("method '" + CEILING + "' is trained on NIH labels and so defined "
                        + "for the chest datasets only; the grid also lists " + d);
            }
        }
        if (!datasets.containsKey(Downstream.NIH.key())) {
            throw new IllegalArgumentException("method '" + CEILING + "' trains on the NIH labels: the grid must list nih");
        }
    }
}
