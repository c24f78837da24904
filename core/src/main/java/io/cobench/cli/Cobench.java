package io.cobench.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/** Entry point of the {@code cobench} tool: assembles the command tree from every module. */
@Command(name = "cobench", mixinStandardHelpOptions = true, versionProvider = Cobench.Version.class,
        description = "CoBooM and SSL baselines for medical images: pretrain, evaluate, report.",
        footer = {"", "A failure caused by input (a file, a value, a path that cannot be written) prints one "
                + "'error:' line and exits with 2; --stacktrace adds the stack trace. A bug prints its stack trace "
                + "and exits with 1."})
public final class Cobench implements Runnable {

    /** Descriptions of the command groups; a group with no entry here still works. */
    private static final Map<String, String> GROUPS = Map.of(
            "bench", "Speed benchmarks (one JSON line each).",
            "data", "Inspect datasets in their real on-disk layouts.",
            "grid", "Plan a grid: its units, cells and estimated hours.",
            "score", "Recompute metrics from prediction files.");

    @CommandLine.Spec
    CommandSpec spec;

    // Read by the exception handler through the parse result; picocli needs a field to bind it.
    @CommandLine.Option(names = "--stacktrace", scope = CommandLine.ScopeType.INHERIT,
            description = "Also print the stack trace of an 'error:' (for reporting a problem).")
    boolean stacktrace;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /**
     * Gives every option without a value name of its own one from its option name, so help shows
     * {@code --on-bad-image=ON-BAD-IMAGE} or {@code --cache-dir=DIR}, not picocli's Java field names
     * ({@code <onBadImage>}).
     */
    static void nameValues(CommandLine cl) {
        CommandSpec spec = cl.getCommandSpec();
        for (CommandLine.Model.OptionSpec o : new ArrayList<>(spec.options())) {
            if (o.arity().max() == 0 || !o.paramLabel().startsWith("<") || o.group() != null) {
                continue;
            }
            String name = o.longestName().replaceFirst("^-+", "");
            String label = name.endsWith("dir") ? "DIR" : name.toUpperCase(java.util.Locale.ROOT);
            spec.remove(o);
            spec.addOption(o.toBuilder().paramLabel(label).build());
        }
        cl.getSubcommands().values().forEach(Cobench::nameValues);
    }

    /** Builds the full command line; public so tests can drive commands in-process. */
    public static CommandLine commandLine() {
        CommandLine root = new CommandLine(new Cobench());
        List<CobenchCommand> commands = new ArrayList<>();
        ServiceLoader.load(CobenchCommand.class).forEach(commands::add);
        commands.sort(Comparator.comparing(CobenchCommand::path));
        Map<String, CommandLine> groups = new LinkedHashMap<>();
        for (CobenchCommand c : commands) {
            String[] words = c.path().trim().split("\\s+");
            CommandLine parent = root;
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < words.length - 1; i++) {
                prefix.append(i == 0 ? "" : " ").append(words[i]);
                CommandLine p = parent;
                String word = words[i];
                parent = groups.computeIfAbsent(prefix.toString(), k -> {
                    CommandLine g = new CommandLine(new Group());
                    g.getCommandSpec().usageMessage().description(GROUPS.getOrDefault(k, "Command group."));
                    p.addSubcommand(word, g);
                    return g;
                });
            }
            parent.addSubcommand(words[words.length - 1], new CommandLine(c));
        }
        nameValues(root);
        root.setExecutionExceptionHandler((ex, cl, parsed) -> {
            String line = userFailure(ex);
            if (line == null) {
                // A bug: picocli prints the stack trace and exits with 1.
                throw ex;
            }
            cl.getErr().println("error: " + line);
            for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
                if (p.hasMatchedOption("--stacktrace")) {
                    ex.printStackTrace(cl.getErr());
                    break;
                }
            }
            cl.getErr().flush();
            return 2;
        });
        return root;
    }

    /**
     * The one-line description of a failure the user caused, or null for a bug. A user causes a
     * {@link UserError} (bad input, refused request), wherever it was wrapped, and every I/O
     * failure that reaches the top: the paths the commands write and read are the user's
     * (store, --out, configs, data), so an unwritable store or a file where a directory belongs
     * is reported as such. Anything else is a bug and keeps its stack trace.
     */
    public static String userFailure(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof UserError) {
                return t.getMessage();
            }
        }
        if (ex instanceof java.io.UncheckedIOException u) {
            return IoErrors.describe(u);
        }
        if (ex instanceof java.io.IOException io) {
            return IoErrors.describe(io);
        }
        if (ex instanceof java.nio.file.ReadOnlyFileSystemException) {
            return "read-only file system";
        }
        return null;
    }

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        System.exit(code);
    }

    /** A node of the tree without behaviour of its own: prints its usage. */
    @Command(mixinStandardHelpOptions = true)
    static final class Group implements Runnable {
        @CommandLine.Spec
        CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(System.out);
        }
    }

    /** Reads the version baked in at build time. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"cobench " + io.cobench.provenance.BuildInfo.version()};
        }
    }
}
