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

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write the report (default: <store>-report next to the store, as reproduce).")
    Path out;

    @picocli.CommandLine.Mixin
    ReportFlags flags = new ReportFlags();

    @Spec
    CommandSpec spec;

    @Override
    public String path() {
        return "report";
    }

    @Override
    public Integer call() {
        if (out == null) {
            out = ReportOptions.defaultOut(store);
        }
        ReportOptions options = flags.options(store, out);
        if (out.toAbsolutePath().normalize().startsWith(store.toAbsolutePath().normalize())) {
            throw new UserError("--out " + out + " lies inside the store " + store + "; the store is read-only to reports");
        }
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        ReportBuilder.Summary s = ReportBuilder.write(options);
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
