package io.cobench.data;

import io.cobench.cli.UserError;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The five datasets by name and how a command is pointed at their folders. Their loaders are made
 * by {@code Loaders} in the loaders package, which depends on this package and not the reverse.
 */
public final class Datasets {
    /** Registry names, in the order the paper uses them. */
    public static final List<String> NAMES = List.of("nih", "siim", "eyepacs", "mured", "odir");

    /** Seed of the default SIIM and ODIR splits; recorded so a run can state it. */
    public static final long DEFAULT_SPLIT_SEED = 42L;

    /** The one option that points a command at data, on every command. */
    public static final String ROOT_OPTION = "--data-root";

    private Datasets() {
    }

    /**
     * The dataset folder a single-dataset command reads: {@code --data-root DIR} or
     * {@code --data-root NAME=DIR} (NAME must then be {@code dataset}), or the deprecated
     * {@code --root DIR}, which still works with a warning on {@code err}.
     *
     * @param dataRoot the {@code --data-root} value, or null
     * @param deprecatedRoot the {@code --root} value, or null
     */
    public static Path root(String dataset, String dataRoot, Path deprecatedRoot, java.io.PrintWriter err) {
        if (dataRoot != null && deprecatedRoot != null) {
            throw new UserError("give " + ROOT_OPTION + " once (--root is its deprecated spelling), not both");
        }
        if (deprecatedRoot != null) {
            deprecated(err, "--root", ROOT_OPTION);
            return deprecatedRoot;
        }
        if (dataRoot == null) {
            throw new UserError("missing " + ROOT_OPTION + " [NAME=]DIR: the " + dataset + " folder (see docs/datasets.md)");
        }
        Map.Entry<String, Path> named = named(dataRoot);
        if (named.getKey() != null && !named.getKey().equals(dataset)) {
            throw new UserError(ROOT_OPTION + " " + dataRoot + " names " + named.getKey() + ", but this command reads "
                    + dataset);
        }
        return named.getValue();
    }

    /**
     * Splits {@code NAME=DIR} when the text before the first {@code =} is a dataset name; the
     * name is null for a plain {@code DIR} (which may itself contain {@code =}).
     */
    public static Map.Entry<String, Path> named(String value) {
        int eq = value.indexOf('=');
        if (eq > 0 && NAMES.contains(value.substring(0, eq))) {
            if (eq == value.length() - 1) {
                throw new UserError(ROOT_OPTION + " " + value + ": no folder after '='");
            }
            return new java.util.AbstractMap.SimpleImmutableEntry<>(value.substring(0, eq), Path.of(value.substring(eq + 1)));
        }
        return new java.util.AbstractMap.SimpleImmutableEntry<>(null, Path.of(value));
    }

    /** The warning an old spelling prints; it keeps working. */
    public static void deprecated(java.io.PrintWriter err, String old, String now) {
        err.println("warning: " + old + " is deprecated; use " + now);
        err.flush();
    }
}
