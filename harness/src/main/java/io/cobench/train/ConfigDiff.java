package io.cobench.train;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/** The differences between two configs (nested maps), as {@code dotted.field: old -> new}. */
public final class ConfigDiff {
    private ConfigDiff() {
    }

    /** Differences in field order, leaving out the dotted fields in {@code ignored}. */
    public static List<String> diff(Map<String, Object> before, Map<String, Object> after, Set<String> ignored) {
        Map<String, Object> a = new TreeMap<>();
        Map<String, Object> b = new TreeMap<>();
        flatten("", before, a);
        flatten("", after, b);
        Set<String> keys = new java.util.TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            if (ignored.contains(k)) {
                continue;
            }
            Object x = a.get(k);
            Object y = b.get(k);
            if (!same(x, y)) {
                out.add(k + ": " + (a.containsKey(k) ? x : "(absent)") + " -> " + (b.containsKey(k) ? y : "(absent)"));
            }
        }
        return out;
    }

    private static void flatten(String prefix, Map<?, ?> m, Map<String, Object> out) {
        if (m == null) {
            return;
        }
        for (var e : m.entrySet()) {
            String key = prefix + e.getKey();
            if (e.getValue() instanceof Map<?, ?> sub && !sub.isEmpty()) {
                flatten(key + ".", sub, out);
            } else {
                out.put(key, e.getValue());
            }
        }
    }

    /** Numbers compare by value: a YAML round trip may turn a long into an int, or 1.0 into 1. */
    private static boolean same(Object x, Object y) {
        if (x instanceof Number n && y instanceof Number m) {
            try {
                return new BigDecimal(n.toString()).compareTo(new BigDecimal(m.toString())) == 0;
            } catch (NumberFormatException notFinite) {
                return Double.compare(n.doubleValue(), m.doubleValue()) == 0;
            }
        }
        return Objects.equals(x, y);
    }
}
