package io.cobench.reports.cli;

import io.cobench.cli.UserError;
import io.cobench.reports.report.ReportOptions;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options that shape a report, shared by {@code report} and {@code reproduce} (a picocli
 * mixin), so the two commands cannot drift apart.
 */
public final class ReportFlags {
    @Option(names = "--classes", paramLabel = "15|14", defaultValue = "15",
            description = "NIH mean AUC over 15 classes (with \"No Finding\", as the paper) or the 14 findings "
                    + "(default: ${DEFAULT-VALUE}).")
    int classes;

    @Option(names = "--paper-compare",
            description = "Put the paper's values beside ours, with deltas, after the list of protocol differences.")
    boolean paperCompare;

    @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "1000",
            description = "Paired bootstrap replicates for AUC; 0 skips it (default: ${DEFAULT-VALUE}).")
    int replicates;

    @Option(names = "--bootstrap-seed", paramLabel = "SEED", defaultValue = "0",
            description = "Seed of the bootstrap (default: ${DEFAULT-VALUE}).")
    long seed;

    /** Checks the values (one {@code error:} line for a bad one) and builds the options. */
    public ReportOptions options(Path store, Path out) {
        if (classes != 15 && classes != 14) {
            throw new UserError("--classes must be 15 or 14, got " + classes);
        }
        if (replicates < 0) {
            throw new UserError("--bootstrap must be 0 or more, got " + replicates);
        }
        return new ReportOptions(store, out, classes, paperCompare, replicates, seed);
    }
}
