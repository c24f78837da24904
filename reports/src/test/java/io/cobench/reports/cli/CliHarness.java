package io.cobench.reports.cli;

import io.cobench.cli.Cobench;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs a cobench command in-process and keeps what it printed. */
record CliHarness(int code, String out, String err) {

    static CliHarness run(String... args) {
        CommandLine cl = Cobench.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new CliHarness(code, out.toString(), err.toString());
    }
}
