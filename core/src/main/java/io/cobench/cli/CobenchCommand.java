package io.cobench.cli;

import java.util.concurrent.Callable;

/**
 * A subcommand of the {@code cobench} tool, contributed by any module through
 * {@code META-INF/services/io.cobench.cli.CobenchCommand}.
 *
 * <p>Implementations are picocli {@code @Command} classes. Discovery through ServiceLoader means
 * a module adds a command without editing a central list, just as methods are added.
 */
public interface CobenchCommand extends Callable<Integer> {

    /**
     * Where the command sits in the tree, as words: {@code "methods"}, {@code "bench step"},
     * {@code "score auc"}. Intermediate groups ({@code bench}, {@code score}) are created on demand.
     */
    String path();
}
