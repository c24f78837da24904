package io.cobench.data;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The one data-root option of the single-dataset commands ({@code data check}, {@code data convert}),
 * mixed in with {@code @Mixin} so that its name, value label and deprecated alias cannot drift
 * apart between commands.
 */
public final class DataRootOption {
    @Option(names = Datasets.ROOT_OPTION, paramLabel = "[NAME=]DIR",
            description = "the dataset's folder in its download layout (docs/datasets.md)")
    String dataRoot;

    @Option(names = "--root", hidden = true, paramLabel = "DIR", description = "deprecated spelling of --data-root")
    Path deprecatedRoot;

    /** The folder of {@code dataset}, as {@link Datasets#root} resolves it; deprecation notes go to {@code err}. */
    public Path resolve(String dataset, PrintWriter err) {
        return Datasets.root(dataset, dataRoot, deprecatedRoot, err);
    }
}
