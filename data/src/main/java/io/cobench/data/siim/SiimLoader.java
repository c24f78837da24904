package io.cobench.data.siim;

import io.cobench.cli.UserError;
import io.cobench.data.DatasetIndex;
import io.cobench.data.DatasetLoader;
import io.cobench.data.FileNameIndex;
import io.cobench.data.Sample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * SIIM-ACR Pneumothorax, at the root or in {@code siim/}, in either of its two layouts, image by
 * image: the Kaggle DICOM release ({@code dicom-images-train/<study>/<series>/<ImageId>.dcm}) or
 * PNG conversions ({@code train/<ImageId>.png}, masks optional in {@code mask/<ImageId>.png}, as
 * sneddy's converter and {@code cobench data convert siim} write them). Where both hold an image
 * the PNG is used.
 *
 * <p>One class, {@code Pneumothorax}; patients are unknown, so each ImageId is its own patient.
 * Split (CoBooM's paper: equal positives and negatives, 20% validation; it has no code for this):
 * all positive ImageIds plus as many negatives drawn with {@code Random(seed)}, then 20% of the
 * positives and 20% of the chosen negatives form {@code val}, the rest {@code train}. Splitting
 * unique ImageIds keeps an image's regions together.
 */
public final class SiimLoader implements DatasetLoader {
    public static final String TRAIN = "train";
    public static final String VAL = "val";
    public static final double VAL_FRACTION = 0.2;
    public static final List<String> CLASSES = List.of("Pneumothorax");
    /** Folder of the PNG conversions, beside the RLE file. */
    public static final String TRAIN_PNG = "train";
    /** Folder of the Kaggle DICOM release, beside the RLE file. */
    public static final String TRAIN_DICOM = "dicom-images-train";

    private final long seed;

    public SiimLoader(long seed) {
        this.seed = seed;
    }

    @Override
    public String name() {
        return "siim";
    }

    @Override
    public DatasetIndex load(Path root) {
        if (!Files.isDirectory(root)) {
            throw new UserError(root + ": not a directory");
        }
        Path csv = SiimRleFile.locate(root);
        Map<String, SiimRleFile.Image> images = SiimRleFile.read(csv);
        Path base = csv.getParent();
        Path pngDir = base.resolve(TRAIN_PNG);
        FileNameIndex pngs = FileNameIndex.build(pngDir, "png");
        FileNameIndex dicoms = FileNameIndex.build(base.resolve(TRAIN_DICOM), "dcm");
        boolean dicomLayout = pngs.size() == 0 && dicoms.size() > 0;
        List<Sample> samples = new ArrayList<>(images.size());
        Set<String> missing = new LinkedHashSet<>();
        for (SiimRleFile.Image im : images.values()) {
            Path p = pngs.get(im.id() + ".png");
            if (p == null) {
                p = dicoms.get(im.id() + ".dcm");
            }
            if (p == null) {
                missing.add(im.id());
                // Where a missing image was expected, for messages: the layout the folder uses.
                p = dicomLayout ? base.resolve(TRAIN_DICOM).resolve(im.id() + ".dcm") : pngDir.resolve(im.id() + ".png");
            }
            samples.add(new Sample(im.id(), p, im.id(), new float[] {im.positive() ? 1f : 0f}));
        }
        return new DatasetIndex(name(), root, CLASSES, samples, balancedSplit(samples, seed), missing);
    }

    /** The RLE rows by ImageId, for masks (segmentation, export). */
    public static Map<String, SiimRleFile.Image> masks(Path root) {
        return SiimRleFile.read(SiimRleFile.locate(root));
    }

    /** The balanced, stratified split by ImageId described in the class comment. */
    static Map<String, List<Sample>> balancedSplit(List<Sample> samples, long seed) {
        List<Sample> pos = new ArrayList<>();
        List<Sample> neg = new ArrayList<>();
        for (Sample s : samples) {
            (s.labels()[0] > 0.5f ? pos : neg).add(s);
        }
        List<Sample> posOrder = sortedById(pos);
        List<Sample> negOrder = sortedById(neg);
        Random rnd = new Random(seed);
        Collections.shuffle(posOrder, rnd);
        Collections.shuffle(negOrder, rnd);
        int nNeg = Math.min(pos.size(), neg.size());
        List<Sample> chosenNeg = negOrder.subList(0, nNeg);
        Set<String> val = new HashSet<>();
        Set<String> train = new HashSet<>();
        assign(posOrder, val, train);
        assign(chosenNeg, val, train);
        Map<String, List<Sample>> splits = new LinkedHashMap<>();
        splits.put(TRAIN, new ArrayList<>());
        splits.put(VAL, new ArrayList<>());
        for (Sample s : samples) {
            if (train.contains(s.id())) {
                splits.get(TRAIN).add(s);
            } else if (val.contains(s.id())) {
                splits.get(VAL).add(s);
            }
        }
        return splits;
    }

    private static void assign(List<Sample> shuffled, Set<String> val, Set<String> train) {
        int nVal = (int) Math.round(shuffled.size() * VAL_FRACTION);
        for (int i = 0; i < shuffled.size(); i++) {
            (i < nVal ? val : train).add(shuffled.get(i).id());
        }
    }

    private static List<Sample> sortedById(List<Sample> in) {
        List<Sample> out = new ArrayList<>(in);
        out.sort(java.util.Comparator.comparing(Sample::id));
        return out;
    }
}
