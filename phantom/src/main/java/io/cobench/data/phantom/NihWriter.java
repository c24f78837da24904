package io.cobench.data.phantom;

import io.cobench.io.AtomicFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes a phantom ChestX-ray14 in the real layout: PNGs (8-bit grey, one RGBA) in Kaggle shards
 * or a flat folder, {@code Data_Entry_2017_v2020.csv}, patient-disjoint
 * {@code train_val_list.txt}/{@code test_list.txt}, and {@code BBox_List_2017.csv} with the boxes
 * of the drawn lesions on some test images.
 */
final class NihWriter {
    static final String DATA_ENTRY_HEADER = "Image Index,Finding Labels,Follow-up #,Patient ID,Patient Age,"
            + "Patient Gender,View Position,OriginalImage[Width,Height],OriginalImagePixelSpacing[x,y]";
    static final String BBOX_HEADER = "Image Index,Finding Label,Bbox [x,y,w,h],,,";

    private NihWriter() {
    }

    static ChestPainter.Picture render(NihPlan.Image im, int size) {
        return new ChestPainter(size).paint(im.anatomy(), im.findings(), im.ap(), im.seed(), 1);
    }

    /** The image that is written as RGBA, as a few real NIH files are. */
    static int rgbaIndex(int count) {
        return count / 2;
    }

    /** Shard folder of each image: 001 holds half as many as the others, as in the real release. */
    static String folder(PhantomConfig cfg, int index, int count) {
        if (cfg.layout() == PhantomConfig.NihLayout.BOX) {
            return "images";
        }
        int shards = Math.min(12, Math.max(1, (count + 99) / 100));
        int per = (int) Math.ceil(count / (shards - 0.5));
        int shard = index < per / 2 ? 1 : Math.min(shards, 2 + (index - per / 2) / per);
        return String.format("images_%03d/images", shard);
    }

    static void write(PhantomConfig cfg, Tasks tasks) {
        Path dir = cfg.out().resolve("nih");
        List<NihPlan.Image> plan = NihPlan.plan(cfg.seed(), cfg.count());
        int n = plan.size();
        String[][] boxes = new String[n][];
        tasks.forEach(n, i -> {
            NihPlan.Image im = plan.get(i);
            ChestPainter.Picture pic = render(im, cfg.size());
            Path file = dir.resolve(folder(cfg, i, n)).resolve(im.file());
            if (i == rgbaIndex(n)) {
                ImageFiles.writeRgba(file, pic.canvas());
            } else {
                ImageFiles.write(file, pic.canvas());
            }
            boxes[i] = boxRows(cfg.seed(), im, pic);
        });

        StringBuilder entry = new StringBuilder(DATA_ENTRY_HEADER).append('\n');
        StringBuilder train = new StringBuilder();
        StringBuilder test = new StringBuilder();
        for (NihPlan.Image im : plan) {
            entry.append(String.join(",", im.file(), NihPlan.labels(im.findings()), Integer.toString(im.followUp()),
                    Integer.toString(im.patient()), Integer.toString(im.age()), im.gender(), im.ap() ? "AP" : "PA",
                    Integer.toString(im.originalWidth()), Integer.toString(im.originalHeight()), im.spacing(),
                    im.spacing())).append('\n');
            (im.test() ? test : train).append(im.file()).append('\n');
        }
        List<String> rows = new ArrayList<>();
        for (String[] b : boxes) {
            rows.addAll(List.of(b));
        }
        rows.sort(Comparator.comparing((String r) -> r.split(",")[1]).thenComparing(r -> r));
        StringBuilder bbox = new StringBuilder(BBOX_HEADER).append('\n');
        rows.forEach(r -> bbox.append(r).append('\n'));
        AtomicFiles.writeString(dir.resolve("Data_Entry_2017_v2020.csv"), entry.toString());
        AtomicFiles.writeString(dir.resolve("train_val_list.txt"), train.toString());
        AtomicFiles.writeString(dir.resolve("test_list.txt"), test.toString());
        AtomicFiles.writeString(dir.resolve("BBox_List_2017.csv"), bbox.toString());
    }

    /**
     * Box rows for a test image: like the real list, only some test images have boxes, and only
     * the eight findings that the real list covers. Boxes enclose the pixels the lesion changed
     * by at least a third of its peak coverage, in image pixels, (x, y) = top-left.
     */
    static String[] boxRows(long seed, NihPlan.Image im, ChestPainter.Picture pic) {
        SplittableRandom r = Seeds.rng(seed, "nih-bbox", im.patient(), im.suffix());
        boolean pinned = im.patient() == 2 && im.suffix() == 0;
        if (!im.test() || !(Seeds.chance(r, 0.7) || pinned)) {
            return new String[0];
        }
        List<String> rows = new ArrayList<>();
        for (NihFinding f : Set.copyOf(im.findings()).stream().sorted().toList()) {
            if (f.boxLabel == null) {
                continue;
            }
            Box b = lesionBox(pic.regions().get(f));
            if (!b.isEmpty()) {
                rows.add(String.join(",", im.file(), f.boxLabel, Double.toString(b.x0()), Double.toString(b.y0()),
                        Double.toString(b.width()), Double.toString(b.height())));
            }
        }
        return rows.toArray(String[]::new);
    }

    static Box lesionBox(Mask region) {
        float peak = 0;
        for (float v : region.m) {
            peak = Math.max(peak, v);
        }
        return peak <= 0 ? Box.EMPTY : region.box(peak / 3.0);
    }
}
