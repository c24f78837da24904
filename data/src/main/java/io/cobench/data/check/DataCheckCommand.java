package io.cobench.data.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.cobench.cli.CobenchCommand;
import io.cobench.data.Datasets;
import io.cobench.io.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cobench data check DATASET --data-root DIR}: what a dataset folder holds, before any training. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Read a dataset in its download layout and report images listed, found, missing and "
                + "unreadable (every image found is decoded), labels per class, split sizes and patients shared "
                + "between splits. Works on label files alone (images then count as missing). Exits with 1 when "
                + "an image on disk does not decode.")
public final class DataCheckCommand implements CobenchCommand {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATASET", description = "nih, siim, eyepacs, mured or odir")
    String dataset;

    @Mixin
    io.cobench.data.DataRootOption dataRoot;

    @Option(names = "--json", description = "print JSON instead of text")
    boolean json;

    @Option(names = "--export-masks", paramLabel = "DIR",
            description = "SIIM: write each image's mask (union of its regions) as DIR/<ImageId>.png, 0/255")
    Path exportMasks;

    @Option(names = "--against-test", paramLabel = "LIST",
            description = "NIH: count images and patients of LIST (plain list, name + 14 labels, or a CoBooM CSV)"
                    + " that lie in the official test split")
    Path againstTest;

    @Option(names = "--no-decode", description = "only check that the images exist; do not decode them")
    boolean noDecode;

    @Option(names = "--progress", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "show a progress bar on standard error while decoding (default: on)")
    boolean progress;

    @Option(names = "--examples", paramLabel = "N", defaultValue = "5",
            description = "how many missing images to name (default ${DEFAULT-VALUE})")
    int examples;

    @Override
    public String path() {
        return "data check";
    }

    @Override
    public Integer call() throws JsonProcessingException {
        if (!Datasets.NAMES.contains(dataset)) {
            throw new io.cobench.cli.UserError("unknown dataset '" + dataset + "'; expected one of " + Datasets.NAMES);
        }
        Path root = dataRoot.resolve(dataset, spec.commandLine().getErr());
        CheckReport report = DataCheck.run(dataset, root,
                new DataCheck.Options(examples, againstTest, exportMasks, !noDecode, progress));
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? Json.JSON.writeValueAsString(report) + System.lineSeparator() : CheckText.format(report));
        out.flush();
        return report.images().allReadable() ? 0 : 1;
    }
}
