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
        description = "CoBooM and SSL baselines for medical images: pretrain, evaluate, report.")
public final class Cobench implements Runnable {

    /** Descriptions of the command groups; a group with no entry here still works. */
    private static final Map<String, String> GROUPS = Map.of(
            "bench", "Speed benchmarks (one JSON line each).",
            "data", "Inspect datasets in their real on-disk layouts.",
            "score", "Recompute metrics from prediction files.");

    @CommandLine.Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
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
        root.setExecutionExceptionHandler((ex, cl, parsed) -> {
            if (ex instanceof UserError) {
                cl.getErr().println("error: " + ex.getMessage());
                return 2;
            }
            throw ex;
        });
        return root;
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
