package io.cobench.data.convert;

import io.cobench.cli.UserError;
import io.cobench.data.DatasetIndex;
import io.cobench.data.ImageReader;
import io.cobench.data.Sample;
import io.cobench.cli.ProgressMeter;
import io.cobench.data.siim.SiimLoader;
import io.cobench.data.siim.SiimRleFile;
import io.cobench.io.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes a SIIM folder (DICOM or PNG layout) as sneddy's PNG layout: {@code train/<ImageId>.png},
 * 8-bit grey, pixels as {@link ImageReader} decodes them (MONOCHROME1 inverted), at the source's
 * size; the RLE file is copied beside them, so the output is itself a SIIM folder.
 */
public final class SiimConvert {

    /** What was written. */
    public record Result(int written, int missing, Path rleFile) {
    }

    private SiimConvert() {
    }

    public static Result run(Path root, Path out, int threads, boolean progress) {
        if (threads < 1) {
            throw new UserError("--threads must be 1 or more, not " + threads);
        }
        DatasetIndex index = new SiimLoader(0).load(root);
        Path rle = SiimRleFile.locate(root);
        if (out.toAbsolutePath().normalize().equals(rle.getParent().toAbsolutePath().normalize())) {
            throw new UserError(out + " is the source folder; choose another --out");
        }
        List<Sample> present = index.samples().stream().filter(s -> !index.missing().contains(s.id())).toList();
        AtomicInteger written = new AtomicInteger();
        ForkJoinPool pool = new ForkJoinPool(threads);
        try (ProgressMeter bar = ProgressMeter.onStderr("convert siim", present.size(), progress)) {
            pool.submit(() -> present.parallelStream().forEach(s -> {
                write(ImageReader.toGrey(ImageReader.read(s.image())),
                        out.resolve(SiimLoader.TRAIN_PNG).resolve(s.id() + ".png"));
                written.incrementAndGet();
                bar.step();
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("conversion interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            // The worker's own error (it names the image); never a wrapper without a reason.
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new UserError("conversion failed: " + ImageReader.reason(e.getCause()), e.getCause());
        } finally {
            pool.shutdown();
        }
        Path copy = out.resolve(rle.getFileName().toString());
        try {
            byte[] bytes = Files.readAllBytes(rle);
            AtomicFiles.write(copy, o -> o.write(bytes));
        } catch (IOException e) {
            throw new UserError(rle + ": cannot read: " + e.getMessage(), e);
        }
        return new Result(written.get(), index.missing().size(), copy);
    }

    /** An 8-bit grey PNG, written atomically so an interrupted run leaves no half file. */
    static void write(BufferedImage grey, Path file) {
        AtomicFiles.write(file, o -> {
            ImageWriter w = ImageIO.getImageWritersByFormatName("png").next();
            try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(o)) {
                w.setOutput(ios);
                w.write(null, new IIOImage(grey, null, null), w.getDefaultWriteParam());
            } finally {
                w.dispose();
            }
        });
    }
}
