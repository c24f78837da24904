package io.cobench.interop;

import io.cobench.cli.CobenchCommand;
import io.cobench.cli.ProgressMeter;
import io.cobench.cli.UserError;
import io.cobench.data.pipeline.ImageDecoder;
import io.cobench.data.pipeline.ImageU8;
import io.cobench.data.pipeline.Normalization;
import io.cobench.data.pipeline.Resampler;
import io.cobench.data.pipeline.ResizeTransform;
import io.cobench.engine.Engine;
import io.cobench.graph.ResNetConfig;
import io.cobench.io.AtomicFiles;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cobench embed}: pooled encoder features of an array or a folder of images. */
@Command(name = "embed", mixinStandardHelpOptions = true,
        description = {
            "Write the globally pooled features [N, 8 x width] of a finished run's encoder in eval mode (batch norm "
                + "with its running statistics) as float32 .npy.",
            "--input takes float32 [N, C, S, S] already normalised, with the run's channels C and image size S. "
                + "--images takes a folder (searched recursively for png, jpg, jpeg, tif, tiff, bmp, gif) and "
                + "preprocesses as the run did: decode to the run's channels, resize to S x S, normalise with the "
                + "run's mean and std; rows follow the sorted relative paths, written one per line to "
                + "<out without .npy>.ids.txt."})
public final class EmbedCommand implements CobenchCommand {
    private static final Set<String> IMAGE_TYPES = Set.of("png", "jpg", "jpeg", "tif", "tiff", "bmp", "gif");

    @Option(names = "--run", required = true, description = "A finished pretraining run directory.")
    Path run;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    /** Exactly one of the two inputs. */
    static final class Source {
        @Option(names = "--input", paramLabel = "X.npy", description = "A float32 .npy [N, C, S, S], already normalised.")
        Path input;
        @Option(names = "--images", paramLabel = "DIR", description = "A folder of images, preprocessed as the run did.")
        Path images;
    }

    @Option(names = "--out", required = true, description = "The .npy file of features to write.")
    Path out;
    @Option(names = "--batch", defaultValue = "64", description = "Images per forward pass (default ${DEFAULT-VALUE}).")
    int batch;

    @Override
    public String path() {
        return "embed";
    }

    @Override
    public Integer call() {
        if (batch < 1) {
            throw new UserError("--batch must be at least 1, got " + batch);
        }
        if (!out.getFileName().toString().endsWith(".npy")) {
            throw new UserError("--out " + out + ": features are written as .npy; name it *.npy");
        }
        Engine.start(null);
        RunEncoder enc = RunEncoder.load(run);
        ResNetConfig c = enc.config();
        // One batch of input is a single Java array, so it must stay under 2^31 bytes.
        if ((long) batch * c.channels() * c.imageSize() * c.imageSize() * 4 > Integer.MAX_VALUE) {
            throw new UserError("--batch " + batch + " of " + c.channels() + " x " + c.imageSize() + " x "
                    + c.imageSize() + " images exceeds 2 GB per batch; choose a smaller --batch");
        }
        Embedder embedder = new Embedder(c, enc.weights());
        if (source.input != null) {
            embedArray(embedder, source.input, out, batch, System.out);
        } else {
            embedImages(embedder, enc.normalization(), source.images, out, batch, System.out);
        }
        return 0;
    }

    /** The shape --input must have, as messages spell it. */
    static String expected(ResNetConfig c) {
        return "[N, " + c.channels() + ", " + c.imageSize() + ", " + c.imageSize() + "]";
    }

    /** Features of every row of the float32 array in {@code input}, read and embedded {@code batch} rows at a time. */
    public static void embedArray(Embedder e, Path input, Path out, int batch, PrintStream console) {
        ResNetConfig c = e.config();
        String want = expected(c);
        Npy.Header h = Npy.float32(input, want);
        long[] s = h.shape();
        if (s.length != 4 || s[1] != c.channels() || s[2] != c.imageSize() || s[3] != c.imageSize() || s[0] < 1) {
            throw new UserError(input + " has shape " + Arrays.toString(s) + "; this run's encoder takes " + want
                    + " with N >= 1 (channels and size from its config.yaml)");
        }
        long n = s[0];
        int row = c.channels() * c.imageSize() * c.imageSize();
        run(e, n, batch, out, console, (from, count) -> {
            float[] v = Npy.readFloats(input, h, from * row, count * row);
            return Nd4j.create(v, new long[] {count, c.channels(), c.imageSize(), c.imageSize()}, DataType.FLOAT);
        });
        report(console, n, c, out, null);
    }

    /**
     * Features of every image under {@code dir}, preprocessed as the run's pipeline does it: decoded
     * to the run's channels, resized to its size into 8 bits (the cache's step), then normalised.
     */
    public static void embedImages(Embedder e, Normalization norm, Path dir, Path out, int batch,
                                   PrintStream console) {
        ResNetConfig c = e.config();
        List<Path> files = imageFiles(dir);
        List<String> ids = files.stream().map(f -> dir.relativize(f).toString().replace('\\', '/')).toList();
        int size = c.imageSize();
        int row = c.channels() * size * size;
        ResizeTransform view = new ResizeTransform(0, c.channels());
        run(e, files.size(), batch, out, console, (from, count) -> {
            float[] v = new float[count * row];
            IntStream.range(0, count).parallel().forEach(i -> {
                int k = (int) from + i;
                ImageU8 img = Resampler.resize(ImageDecoder.decode(ids.get(k), files.get(k), c.channels()), size, size);
                float[][] one = {new float[row]};
                view.apply(img, null, norm, one);
                System.arraycopy(one[0], 0, v, i * row, row);
            });
            return Nd4j.create(v, new long[] {count, c.channels(), size, size}, DataType.FLOAT);
        });
        Path idFile = idsFile(out);
        AtomicFiles.writeString(idFile, String.join("\n", ids) + "\n");
        report(console, files.size(), c, out, idFile);
    }

    /** Where --images writes the row ids: F.npy gives F.ids.txt. */
    public static Path idsFile(Path out) {
        String name = out.getFileName().toString();
        String stem = name.endsWith(".npy") ? name.substring(0, name.length() - 4) : name;
        return out.resolveSibling(stem + ".ids.txt");
    }

    static List<Path> imageFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UserError("--images " + dir + " is not a directory");
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString();
                int dot = n.lastIndexOf('.');
                return !n.startsWith(".") && dot > 0 && IMAGE_TYPES.contains(n.substring(dot + 1).toLowerCase(Locale.ROOT));
            }).sorted().toList();
        } catch (IOException ex) {
            throw new UserError("cannot list " + dir + ": " + ex.getMessage(), ex);
        }
        if (files.isEmpty()) {
            throw new UserError("--images " + dir + " holds no images (looked for " + IMAGE_TYPES + ")");
        }
        return files;
    }

    /** Produces rows [from, from + count) of the input as a float32 batch. */
    @FunctionalInterface
    interface Batches {
        INDArray get(long from, int count);
    }

    private static void run(Embedder e, long n, int batch, Path out, PrintStream console, Batches in) {
        int features = e.config().featureChannels();
        AtomicFiles.write(out, raw -> {
            OutputStream o = new BufferedOutputStream(raw, 1 << 16);
            Npy.writeFloat32Header(o, n, features);
            try (ProgressMeter bar = ProgressMeter.start("embed", n, 0, console)) {
                for (long from = 0; from < n; from += batch) {
                    int count = (int) Math.min(batch, n - from);
                    INDArray f = e.embed(in.get(from, count));
                    Npy.writeFloats(o, f.castTo(DataType.FLOAT).dup('c').data().asFloat());
                    bar.stepTo(from + count);
                }
            } catch (UncheckedIOException ex) {
                throw ex.getCause();
            }
            o.flush();
        });
    }

    private static void report(PrintStream console, long n, ResNetConfig c, Path out, Path ids) {
        if (console != null) {
            console.println("wrote " + out + ": " + n + " x " + c.featureChannels() + " float32 features"
                    + (ids == null ? "" : ", ids in " + ids));
        }
    }
}
