package io.cobench.reports.report;

import java.nio.file.Path;

/**
 * What {@code cobench report} should do.
 *
 * @param store        the results store to read
 * @param out          directory to write the report into
 * @param classes      NIH mean over 15 classes (paper, with "No Finding") or the 14 findings
 * @param paperCompare whether to add the side-by-side comparison with the paper
 * @param replicates   bootstrap replicates (0 skips the bootstrap)
 * @param seed         bootstrap seed
 */
public record ReportOptions(Path store, Path out, int classes, boolean paperCompare, int replicates, long seed) {

    /** Where the report of {@code store} goes unless told: {@code <store>-report} beside it. */
    public static Path defaultOut(Path store) {
        Path abs = store.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + "-report");
    }

    public ReportOptions {
        if (classes != 14 && classes != 15) {
            throw new IllegalArgumentException("classes must be 14 or 15, got " + classes);
        }
        if (replicates < 0) {
            throw new IllegalArgumentException("replicates must be >= 0, got " + replicates);
        }
    }
}
