package io.cobench.reports.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Per-class AUCs of one multi-label prediction. A {@code null} entry is an undefined class (its
 * labels hold one value only); the mean leaves such classes out rather than guessing a value.
 *
 * @param classes  class names in column order
 * @param perClass AUC per class, {@code null} where undefined
 */
public record MultiLabelAuc(List<String> classes, List<Double> perClass) {

    public MultiLabelAuc {
        classes = List.copyOf(classes);
        perClass = Collections.unmodifiableList(new ArrayList<>(perClass));
        if (classes.size() != perClass.size()) {
            throw new IllegalArgumentException(classes.size() + " classes but " + perClass.size() + " AUCs");
        }
    }

    /** Unweighted mean over the defined classes; empty when none is defined. */
    public OptionalDouble mean() {
        return perClass.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).average();
    }

    /** The classes left out of the mean. */
    public List<String> undefined() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < classes.size(); i++) {
            if (perClass.get(i) == null) {
                out.add(classes.get(i));
            }
        }
        return out;
    }

    /** The same result without one class (NIH's 14-finding mean drops "No Finding"). */
    public MultiLabelAuc without(String cls) {
        List<String> c = new ArrayList<>();
        List<Double> v = new ArrayList<>();
        for (int i = 0; i < classes.size(); i++) {
            if (!classes.get(i).equals(cls)) {
                c.add(classes.get(i));
                v.add(perClass.get(i));
            }
        }
        return new MultiLabelAuc(c, v);
    }
}
