package io.cobench.perf;

import io.cobench.data.pipeline.TwoViewConfig;
import io.cobench.data.pipeline.ImageCache;
import io.cobench.data.pipeline.TwoViewTransform;
import io.cobench.data.pipeline.ViewTransform;
import io.cobench.data.pipeline.Normalization;
import io.cobench.batch.PrefetchBatchSource;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cobench.cli.CobenchCommand;
import io.cobench.cli.UserError;
import io.cobench.data.phantom.PhantomConfig;
import io.cobench.data.phantom.PhantomGenerator;
import io.cobench.io.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cobench bench data}: throughput of the cached two-view pipeline (decode once, then
 * crop, flip, jitter, grey, blur, normalise, NCHW arrays) as one JSON line. It uses phantom
 * chest radiographs, generated into a temporary folder unless {@code --phantom-dir} names one.
 */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Images per second of the cached two-view augmentation pipeline (one JSON line).")
public final class BenchDataCommand implements CobenchCommand {
    @Option(names = "--size", required = true, description = "Image size in pixels.")
    int size;

    @Option(names = "--batch", defaultValue = "32", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--batches", defaultValue = "20", description = "Timed batches (default: ${DEFAULT-VALUE}).")
    int batches;

    @Option(names = "--warmup", defaultValue = "3", description = "Untimed batches first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--threads", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--dataset", defaultValue = "nih",
            description = "nih (grey radiographs, 3 output channels) or eyepacs (colour). Default: ${DEFAULT-VALUE}.")
    String dataset;

    @Option(names = "--phantom-dir", paramLabel = "DIR",
            description = "Phantom datasets to use (generated there when missing), as pretrain's --phantom-dir; "
                    + "default: a temporary folder.")
    Path phantomDir;

    @Option(names = "--data", hidden = true, paramLabel = "DIR", description = "deprecated spelling of --phantom-dir")
    Path deprecatedData;

    @Option(names = "--count", defaultValue = "256", description = "Phantom images to generate when needed.")
    int count;

    @Override
    public String path() {
        return "bench data";
    }

    @Override
    public Integer call() throws IOException {
        if (size < 8 || batch < 1 || batches < 1 || warmup < 0 || count < PhantomConfig.MIN_COUNT) {
            throw new UserError("bench data: need --size >= 8, --batch >= 1, --batches >= 1, --warmup >= 0, --count >= "
                    + PhantomConfig.MIN_COUNT);
        }
        int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (nThreads < 1) {
            throw new UserError("--threads " + nThreads + " must be at least 1");
        }
        boolean nih = switch (dataset.toLowerCase(Locale.ROOT)) {
            case "nih" -> true;
            case "eyepacs" -> false;
            default -> throw new UserError("--dataset " + dataset + ": expected nih or eyepacs");
        };
        if (deprecatedData != null) {
            if (phantomDir != null) {
                throw new UserError("give --phantom-dir once (--data is its deprecated spelling), not both");
            }
            io.cobench.data.Datasets.deprecated(new java.io.PrintWriter(System.err, true), "--data", "--phantom-dir");
        }
        Path data = phantomDir != null ? phantomDir : deprecatedData;
        boolean temporary = data == null;
        Path root = temporary ? Files.createTempDirectory("cobench-bench-data") : data;
        try {
            return run(root, nih, nThreads);
        } finally {
            if (temporary) {
                deleteTree(root);
            }
        }
    }

    private int run(Path root, boolean nih, int nThreads) throws IOException {
        PhantomConfig.PhantomDataset d = nih ? PhantomConfig.PhantomDataset.NIH : PhantomConfig.PhantomDataset.EYEPACS;
        Path dir = root.resolve(d.folder);
        if (!Files.isDirectory(dir)) {
            PhantomGenerator.generate(PhantomConfig.defaults(root).withSize(size).withCount(count)
                    .withDatasets(EnumSet.of(d)).withThreads(nThreads), false);
        }
        List<ImageCache.Source> sources;
        String ext = nih ? ".png" : ".jpeg";
        try (Stream<Path> s = Files.walk(dir)) {
            sources = s.filter(p -> p.getFileName().toString().endsWith(ext)).sorted()
                    .map(p -> new ImageCache.Source(p.getFileName().toString(), p)).toList();
        }
        if (sources.size() < batch) {
            throw new UserError(dir + " holds " + sources.size() + " images, fewer than --batch " + batch);
        }
        long t0 = System.nanoTime();
        ImageCache cache = ImageCache.open(root.resolve("cache-" + d.folder + "-" + size + ".u8"), sources,
                new ImageCache.Spec(size, nih ? 1 : 3, io.cobench.data.BadImagePolicy.fail(), nThreads, false));
        double buildSeconds = (System.nanoTime() - t0) / 1e9;
        TwoViewTransform transform = new TwoViewTransform(TwoViewConfig.coboom());
        double seconds;
        long cpu0;
        double cpuSeconds;
        try (PrefetchBatchSource src = PrefetchBatchSource.of(cache, transform, Normalization.IMAGENET,
                new PrefetchBatchSource.Config(batch, 0, nThreads, 2))) {
            for (int s = 0; s < warmup; s++) {
                src.batch(s);
            }
            long start = System.nanoTime();
            cpu0 = processCpuNanos();
            for (int s = warmup; s < warmup + batches; s++) {
                src.batch(s);
            }
            seconds = (System.nanoTime() - start) / 1e9;
            cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("bench", "data");
        out.put("img_per_s", round((double) batch * batches / seconds));
        out.put("s_per_batch", round(seconds / batches));
        out.put("size", size);
        out.put("batch", batch);
        out.put("batches", batches);
        out.put("threads", nThreads);
        out.put("dataset", d.folder + "-phantom");
        out.put("images", cache.count());
        out.put("channels_in", cache.channels());
        out.put("channels_out", transform.outputs(cache.channels(), size).get(0).channels());
        out.put("outputs", transform.outputs(cache.channels(), size).stream().map(ViewTransform.Output::name).toList());
        out.put("cache_s", round(buildSeconds));
        out.put("cache_built", cache.wasBuilt());
        out.put("cores", Runtime.getRuntime().availableProcessors());
        // on a shared machine wall time depends on the neighbours; CPU time per image does not
        out.put("cpu_util", round(cpuSeconds / seconds));
        out.put("img_per_cpu_s", round((double) batch * batches / cpuSeconds));
        System.out.println(Json.JSON.copy().disable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsString(out));
        return 0;
    }

    /** CPU time of this process (all threads), or 0 where the JVM does not report it. */
    private static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }

    /** Four significant digits: a fast pipeline's seconds per batch is a few milliseconds. */
    private static double round(double v) {
        return v == 0 || !Double.isFinite(v) ? v
                : new java.math.BigDecimal(v).round(new java.math.MathContext(4)).doubleValue();
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + dir, e);
        }
    }
}
