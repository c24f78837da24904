package io.cobench.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Runs a cobench command in-process and keeps its exit code and what it printed: every module's
 * command tests use it through core's test-jar, with the commands on their own class path.
 */
public record CliRun(int code, String out, String err) {

    public static CliRun run(String... args) {
        CommandLine cl = Cobench.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
