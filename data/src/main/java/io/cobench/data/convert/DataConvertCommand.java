package io.cobench.data.convert;

import io.cobench.cli.CobenchCommand;
import io.cobench.cli.UserError;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cobench data convert siim --data-root DIR --out DIR}. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Rewrite a dataset's images for other tools. siim: every image (DICOM, uncompressed or JPEG "
                + "Baseline, or PNG) becomes OUT/train/<ImageId>.png, 8-bit grey at its own size, MONOCHROME1 "
                + "inverted; the RLE file is copied to OUT, so OUT is a SIIM folder in the PNG layout.")
public final class DataConvertCommand implements CobenchCommand {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATASET", description = "siim (the one dataset not shipped as PNG/JPEG)")
    String dataset;

    @Mixin
    io.cobench.data.DataRootOption dataRoot;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "where to write the converted folder")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "decoding threads (default: the CPU count)")
    Integer threads;

    @Option(names = "--progress", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "show a progress bar on standard error (default: on)")
    boolean progress;

    @Override
    public String path() {
        return "data convert";
    }

    @Override
    public Integer call() {
        if (!"siim".equals(dataset)) {
            throw new UserError("data convert handles siim only, not '" + dataset + "': the other datasets are "
                    + "already PNG or JPEG");
        }
        Path root = dataRoot.resolve(dataset, spec.commandLine().getErr());
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        SiimConvert.Result r = SiimConvert.run(root, out, n, progress);
        PrintWriter pw = spec.commandLine().getOut();
        pw.printf("converted %d images to %s%s; masks: %s%n", r.written(), out.resolve("train"),
                r.missing() == 0 ? "" : " (" + r.missing() + " listed images not found)", r.rleFile());
        pw.flush();
        return 0;
    }
}
