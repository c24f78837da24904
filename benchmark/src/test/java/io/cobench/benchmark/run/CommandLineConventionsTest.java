package io.cobench.benchmark.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cobench.cli.Cobench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What a user meets in --help and in the README, over the whole command tree of every module. */
class CommandLineConventionsTest {

    private static void walk(String path, CommandLine cl, List<String> leaves, List<String> bad) {
        var spec = cl.getCommandSpec();
        for (var o : spec.options()) {
            if (o.arity().max() > 0 && o.paramLabel().matches("<[a-z][A-Za-z]*>")) {
                bad.add(path + " " + o.longestName() + " shows the Java field " + o.paramLabel());
            }
        }
        String[] desc = spec.usageMessage().description();
        if (desc.length == 0 || desc[0].isBlank() || desc[0].equals("Command group.")) {
            bad.add(path + " has no description of its own");
        }
        if (cl.getSubcommands().isEmpty()) {
            leaves.add(path.trim());
        }
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            if (!e.getKey().equals("help")) {
                walk(path + " " + e.getKey(), e.getValue(), leaves, bad);
            }
        }
    }

    @Test
    void everyOptionNamesItsValueEveryGroupSaysWhatItIsAndTheReadmeListsEveryCommand() throws Exception {
        List<String> leaves = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        walk("", Cobench.commandLine(), leaves, bad);
        assertEquals(List.of(), bad);
        // Surefire runs in the module folder; the README is the repository's.
        List<String> rows = Files.readAllLines(Path.of("..", "README.md")).stream()
                .filter(l -> l.startsWith("| `cobench ")).toList();
        for (String leaf : leaves) {
            String[] w = leaf.split(" ");
            boolean listed = rows.stream().anyMatch(r -> r.startsWith("| `cobench " + w[0])
                    && java.util.Arrays.stream(w).allMatch(r::contains));
            assertTrue(listed, "README's command table lacks `cobench " + leaf + "`");
        }
        assertTrue(leaves.contains("grid plan") && leaves.contains("reproduce"), leaves.toString());
    }

    @Test
    void reportAndReproduceTakeTheSameReportOptions() {
        CommandLine root = Cobench.commandLine();
        for (String o : List.of("--classes", "--bootstrap", "--bootstrap-seed", "--paper-compare")) {
            assertTrue(root.getSubcommands().get("report").getCommandSpec().findOption(o) != null, o);
            assertTrue(root.getSubcommands().get("reproduce").getCommandSpec().findOption(o) != null, o);
        }
    }
}
