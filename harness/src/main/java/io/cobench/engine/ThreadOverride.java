package io.cobench.engine;

import java.util.function.Supplier;

/** A per-thread override of a process-wide setting, for tests and ablations that compare two settings in one JVM. */
final class ThreadOverride<T> {
    private final ThreadLocal<T> value = new ThreadLocal<>();

    /** The override on this thread, or null. */
    T get() {
        return value.get();
    }

    /** Runs {@code body} with the override set to {@code v} on this thread, restoring the one before. */
    <R> R with(T v, Supplier<R> body) {
        T before = value.get();
        value.set(v);
        try {
            return body.get();
        } finally {
            value.set(before);
        }
    }
}
