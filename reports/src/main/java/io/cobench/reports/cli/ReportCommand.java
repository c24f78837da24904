package io.cobench.reports.cli;

import io.cobench.cli.CobenchCommand;
import io.cobench.cli.UserError;
import io.cobench.reports.report.ReportBuilder;
import io.cobench.reports.report.ReportOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cobench report}: tables, significance, figures and report.md from a results store. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes Tables 1 and 2 (Markdown, CSV, LaTeX), significance tests, figures and a "
                + "self-contained report.md from a results store. Reads the store only."})
public final class ReportCommand implements CobenchCommand {
    @Option(names = "--store", required = true, paramLabel = "DIR", description = "The results store.")
    Path store;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "report",
            description = "Where to write the report (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--classes", paramLabel = "15|14", defaultValue = "15",
            description = "NIH mean AUC over 15 classes (with \"No Finding\", as the paper) or the 14 findings "
                    + "(default: ${DEFAULT-VALUE}).")
    int classes;

    @Option(names = "--paper-compare", description = "Add our cells next to the paper's values, with deltas, after the list of protocol differences.")
    boolean paperCompare;

    @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "1000",
            description = "Paired bootstrap replicates for AUC; 0 skips it (default: ${DEFAULT-VALUE}).")
    int replicates;

    @Option(names = "--bootstrap-seed", paramLabel = "SEED", defaultValue = "0",
            description = "Seed of the bootstrap (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public String path() {
        return "report";
    }

    @Override
    public Integer call() {
        if (classes != 15 && classes != 14) {
            throw new UserError("--classes must be 15 or 14, got " + classes);
        }
        if (replicates < 0) {
            throw new UserError("--bootstrap must be 0 or more, got " + replicates);
        }
        if (out.toAbsolutePath().normalize().startsWith(store.toAbsolutePath().normalize())) {
            throw new UserError("--out " + out + " lies inside the store " + store + "; the store is read-only to reports");
        }
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        ReportBuilder.Summary s = ReportBuilder.write(new ReportOptions(store, out, classes, paperCompare, replicates, seed));
        PrintWriter w = spec.commandLine().getOut();
        w.println("wrote " + s.files().size() + " files to " + out + " (open " + out.resolve("report.md") + ")");
        if (s.parity()) {
            w.println("WARNING: some cells used test-parity model selection; every affected output says so.");
        }
        if (!s.notes().isEmpty()) {
            w.println(s.notes().size() + " note(s) in report.md");
        }
        w.flush();
        return 0;
    }
}
