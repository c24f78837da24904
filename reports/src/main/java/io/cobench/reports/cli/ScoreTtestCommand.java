package io.cobench.reports.cli;

import io.cobench.cli.CobenchCommand;
import io.cobench.cli.UserError;
import io.cobench.reports.io.PerSampleFile;
import io.cobench.reports.stats.PairedTTest;
import io.cobench.reports.stats.TTestResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cobench score ttest}: paired t-test of two per-sample metric files. */
@Command(name = "ttest", mixinStandardHelpOptions = true,
        description = {"Two-sided paired t-test of two per-sample metric files (columns id,value), paired by id.",
                "The ids of the two files must be the same set."})
public final class ScoreTtestCommand implements CobenchCommand {
    @Option(names = "--a", required = true, paramLabel = "A.csv", description = "First sample (id,value).")
    Path a;

    @Option(names = "--b", required = true, paramLabel = "B.csv", description = "Second sample (id,value).")
    Path b;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public String path() {
        return "score ttest";
    }

    @Override
    public Integer call() {
        PerSampleFile fa = PerSampleFile.read(a);
        PerSampleFile fb = PerSampleFile.read(b);
        double[][] pairs = fa.pairWith(fb);
        TTestResult r = PairedTTest.test(pairs[0], pairs[1]);
        if (r.n() < 2) {
            throw new UserError("a paired t-test needs at least 2 pairs; " + a + " and " + b + " share " + r.n());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("a", a.toString());
            m.put("b", b.toString());
            m.put("n", r.n());
            m.put("df", r.df());
            m.put("mean_a", r.meanA());
            m.put("mean_b", r.meanB());
            m.put("mean_diff", r.meanDiff());
            m.put("sd_diff", r.sdDiff());
            m.put("t", Output.orNull(r.t()));
            m.put("p", Output.orNull(r.p()));
            m.put("note", r.undefinedReason());
            Output.json(out, m);
            return 0;
        }
        out.printf("paired t-test, a = %s, b = %s%n", a, b);
        out.printf("n = %d pairs, df = %d%n", r.n(), r.df());
        out.printf("mean a = %s, mean b = %s, mean (a - b) = %s, sd (a - b) = %s%n", Output.fmt(r.meanA()),
                Output.fmt(r.meanB()), Output.fmt(r.meanDiff()), Output.fmt(r.sdDiff()));
        out.printf("t = %s, two-sided p = %s%n", Output.fmt(r.t()), Output.p(r.p()));
        if (!r.defined()) {
            out.println("note: t is undefined: " + r.undefinedReason());
        }
        out.flush();
        return 0;
    }
}
