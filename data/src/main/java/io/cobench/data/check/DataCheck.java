package io.cobench.data.check;

import io.cobench.cli.UserError;
import io.cobench.data.BadImagePolicy;
import io.cobench.data.DatasetIndex;
import io.cobench.data.ImageReader;
import io.cobench.data.loaders.Loaders;
import io.cobench.data.Sample;
import io.cobench.data.nih.NihBoxes;
import io.cobench.data.nih.NihLists;
import io.cobench.data.nih.NihLoader;
import io.cobench.data.siim.SiimLoader;
import io.cobench.data.siim.SiimRle;
import io.cobench.data.siim.SiimRleFile;
import io.cobench.cli.ProgressMeter;
import io.cobench.io.AtomicFiles;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.imageio.ImageIO;

/** Builds a {@link CheckReport} for one dataset; the command only parses flags and prints. */
public final class DataCheck {

    private DataCheck() {
    }

    /**
     * What to check besides the basics.
     *
     * @param examples how many missing images to name
     * @param againstTest a user list to compare with NIH's official test split, or null
     * @param exportMasks where to write SIIM masks, or null
     * @param decode whether to decode every image found (else only their presence is checked)
     * @param progress whether to show a progress bar while decoding
     */
    public record Options(int examples, Path againstTest, Path exportMasks, boolean decode, boolean progress) {
        /** Decoding every image, without a progress bar. */
        public Options(int examples, Path againstTest, Path exportMasks) {
            this(examples, againstTest, exportMasks, true, false);
        }

        public Options {
            if (examples < 0) {
                throw new UserError("--examples must be 0 or more, not " + examples);
            }
        }
    }

    /** Loads {@code dataset} from {@code root} and summarises it. */
    public static CheckReport run(String dataset, Path root, Options options) {
        if (options.againstTest() != null && !"nih".equals(dataset)) {
            throw new UserError("--against-test compares a list with NIH's official test split; it does not apply to "
                    + dataset);
        }
        if (options.exportMasks() != null && !"siim".equals(dataset)) {
            throw new UserError("--export-masks writes SIIM masks; it does not apply to " + dataset);
        }
        int examples = options.examples();
        DatasetIndex index = Loaders.forName(dataset).load(root);
        List<String> missingExamples = new ArrayList<>();
        for (String id : index.missing()) {
            if (missingExamples.size() == examples) {
                break;
            }
            missingExamples.add(id);
        }
        List<String> unreadable = options.decode() ? unreadable(index, options.progress()) : null;
        CheckReport.Images images = new CheckReport.Images(index.samples().size(),
                index.samples().size() - index.missing().size(), index.missing().size(), missingExamples,
                unreadable == null ? null : unreadable.size(),
                unreadable == null ? null : unreadable.subList(0, Math.min(examples, unreadable.size())));
        Map<String, CheckReport.Split> splits = new LinkedHashMap<>();
        index.splits().forEach((name, samples) -> splits.put(name, new CheckReport.Split(samples.size(),
                DatasetIndex.patients(samples).size(), index.labelCounts(samples))));
        CheckReport.Boxes boxes = "nih".equals(dataset) ? boxes(index) : null;
        CheckReport.Siim siim = "siim".equals(dataset) ? siim(root) : null;
        NihLists.TestOverlap overlap = null;
        if (options.againstTest() != null) {
            if (!index.splits().containsKey(NihLoader.TEST)) {
                throw new UserError(root + ": --against-test needs test_list.txt and train_val_list.txt there");
            }
            overlap = NihLists.againstTest(index, options.againstTest());
        }
        CheckReport.MaskExport export = options.exportMasks() == null ? null
                : exportMasks(root, options.exportMasks());
        return new CheckReport(dataset, root.toString(), index.classes(), images,
                index.labelCounts(index.samples()), splits, index.sharedPatients(), boxes, siim, overlap, export);
    }

    /**
     * Decodes every image on disk, in parallel, as training would (the same reader, so the same
     * verdict); returns {@code "<file>: <reason>"} for each that fails, in the index's order.
     * Zero-byte, truncated and HTML files all fail here.
     */
    static List<String> unreadable(DatasetIndex index, boolean progress) {
        List<Sample> present = index.samples().stream().filter(s -> !index.missing().contains(s.id())).toList();
        String[] bad = new String[present.size()];
        try (ProgressMeter bar = ProgressMeter.onStderr("decode " + index.dataset(), present.size(), progress)) {
            java.util.stream.IntStream.range(0, present.size()).parallel().forEach(i -> {
                Path file = present.get(i).image();
                BadImagePolicy one = BadImagePolicy.skip();
                if (ImageReader.read(file, one).isEmpty()) {
                    bad[i] = file + ": " + one.skipped().get(0).reason();
                }
                bar.step();
            });
        }
        List<String> out = new ArrayList<>();
        for (String b : bad) {
            if (b != null) {
                out.add(b);
            }
        }
        return out;
    }

    private static CheckReport.Boxes boxes(DatasetIndex index) {
        Path file = index.root().resolve("BBox_List_2017.csv");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        List<NihBoxes.Box> boxes = NihBoxes.read(file);
        Map<String, Integer> perImage = new HashMap<>();
        Map<String, Integer> perFinding = new TreeMap<>();
        for (NihBoxes.Box b : boxes) {
            perImage.merge(b.image(), 1, Integer::sum);
            perFinding.merge(b.finding(), 1, Integer::sum);
        }
        Set<String> test = new HashSet<>();
        for (Sample s : index.splits().getOrDefault(NihLoader.TEST, List.of())) {
            test.add(s.id());
        }
        int multi = (int) perImage.values().stream().filter(n -> n > 1).count();
        Integer outside = index.splits().containsKey(NihLoader.TEST)
                ? (int) perImage.keySet().stream().filter(i -> !test.contains(i)).count() : null;
        return new CheckReport.Boxes(boxes.size(), perImage.size(), multi, perFinding, outside);
    }

    private static CheckReport.Siim siim(Path root) {
        Map<String, SiimRleFile.Image> images = SiimLoader.masks(root);
        Path maskDir = SiimRleFile.locate(root).getParent().resolve("mask");
        int rows = 0;
        int positives = 0;
        int multi = 0;
        int maskFiles = 0;
        long pixels = 0;
        for (SiimRleFile.Image im : images.values()) {
            rows += im.rles().size();
            if (Files.isRegularFile(maskDir.resolve(im.id() + ".png"))) {
                maskFiles++;
            }
            if (!im.positive()) {
                continue;
            }
            positives++;
            if (im.rles().size() > 1) {
                multi++;
            }
            pixels += SiimRle.unionPixels(im.rles(), SiimRle.SIZE, SiimRle.SIZE);
        }
        return new CheckReport.Siim(rows, images.size(), positives, images.size() - positives, multi, pixels,
                maskFiles);
    }

    /**
     * Writes every SIIM image's union mask as an 8-bit PNG (0/255) named {@code <ImageId>.png},
     * in parallel, each file atomically. A mask has its image's size (the 1024-frame mask scaled to
     * it), so it lies on the image; where the image is missing it stays 1024 x 1024.
     */
    public static CheckReport.MaskExport exportMasks(Path root, Path dir) {
        Map<String, SiimRleFile.Image> images = SiimLoader.masks(root);
        DatasetIndex index = new SiimLoader(0).load(root);
        Map<String, Path> files = new HashMap<>();
        for (Sample s : index.samples()) {
            if (!index.missing().contains(s.id())) {
                files.put(s.id(), s.image());
            }
        }
        images.values().parallelStream().forEach(im -> {
            Path image = files.get(im.id());
            int[] size = image == null ? new int[] {SiimRle.SIZE, SiimRle.SIZE} : ImageReader.size(image);
            writeMask(SiimRleFile.mask(im, size[0], size[1]), size[0], size[1], dir.resolve(im.id() + ".png"));
        });
        return new CheckReport.MaskExport(dir.toString(), images.size());
    }

    private static void writeMask(byte[] mask, int width, int height, Path file) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < mask.length; i++) {
            data[i] = mask[i] != 0 ? (byte) 255 : 0;
        }
        AtomicFiles.write(file, out -> {
            javax.imageio.ImageWriter w = ImageIO.getImageWritersByFormatName("png").next();
            try (javax.imageio.stream.ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                w.setOutput(ios);
                javax.imageio.ImageWriteParam p = w.getDefaultWriteParam();
                // A fast deflate level: masks are mostly zero and compress well anyway (about 5 KB).
                p.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
                p.setCompressionQuality(0.9f);
                w.write(null, new javax.imageio.IIOImage(img, null, null), p);
            } finally {
                w.dispose();
            }
        });
    }
}
