package io.cobench.data.phantom;

import io.cobench.io.AtomicFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a phantom MuReD (Kaggle mirror layout): {@code images/images/<ID>.png} for numeric IDs
 * and {@code <ID>.tif} for STARE-style {@code im0007} IDs, sizes varying a little, plus
 * {@code train_data.csv} / {@code val_data.csv} (80/20) with the 21-column header. A few images
 * have no CSV row, as in the real folder. Each of the 20 labels is a visible change.
 */
final class MuredWriter {
    static final String[] LABELS = {"DR", "NORMAL", "MH", "ODC", "TSLN", "ARMD", "DN", "MYA", "BRVO", "ODP",
        "CRVO", "CNV", "RS", "ODE", "LS", "CSR", "HTR", "ASR", "CRS", "OTHER"};
    static final String HEADER = "ID," + String.join(",", LABELS);

    /** Chance of each disease label in a not-normal image (index 1, NORMAL, is unused). */
    private static final double[] RATES = {0.28, 0, 0.1, 0.15, 0.09, 0.09, 0.095, 0.06, 0.055, 0.05, 0.05, 0.05,
        0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.15};
    private static final int NORMAL = 1;

    /** One image: string ID, file extension, 0/1 labels (null when unlabelled), val or train. */
    record Image(String id, String extension, int[] labels, boolean val, FundusEye eye) {
    }

    private MuredWriter() {
    }

    static List<Image> plan(long seed, int count, int size) {
        List<Image> out = new ArrayList<>();
        int unlabelled = Math.max(1, count / 16);
        int numeric = 1;
        int stare = 1;
        for (int i = 0; i < count + unlabelled; i++) {
            SplittableRandom r = Seeds.rng(seed, "mured", i);
            boolean stareId = Seeds.chance(r, 0.15);
            String id = stareId ? String.format("im%04d", stare) : Integer.toString(numeric);
            if (stareId) {
                stare += 1 + r.nextInt(3);
            } else {
                numeric += 1 + r.nextInt(3);
            }
            int[] labels = i < count ? labels(r) : null;
            int width = (int) Math.round(size * Seeds.uniform(r, 1.0, 1.08));
            long pixels = Seeds.mix(seed, "mured-pixels".hashCode(), i);
            FundusEye eye = FundusEye.sample(Seeds.rng(pixels, "eye"), width, size, 0.46, Seeds.chance(r, 0.5),
                    FundusEye.pigment(r), pixels);
            out.add(new Image(id, stareId ? ".tif" : ".png", labels, Seeds.chance(r, 0.2), eye));
        }
        return out;
    }

    static int[] labels(SplittableRandom r) {
        int[] y = new int[LABELS.length];
        if (Seeds.chance(r, 0.22)) {
            y[NORMAL] = 1;
            return y;
        }
        double total = 0;
        for (int k = 0; k < y.length; k++) {
            total += RATES[k];
            if (RATES[k] > 0 && Seeds.chance(r, RATES[k])) {
                y[k] = 1;
            }
        }
        if (sum(y) == 0) {
            double u = r.nextDouble() * total;
            for (int k = 0; k < y.length; k++) {
                u -= RATES[k];
                if (u < 0 && RATES[k] > 0) {
                    y[k] = 1;
                    break;
                }
            }
        }
        // typical companions: AMD with drusen, myopia with tessellation, hypertensive with arteriosclerotic
        if (y[index("ARMD")] == 1 && Seeds.chance(r, 0.4)) {
            y[index("DN")] = 1;
        }
        if (y[index("MYA")] == 1 && Seeds.chance(r, 0.5)) {
            y[index("TSLN")] = 1;
        }
        if (y[index("HTR")] == 1 && Seeds.chance(r, 0.3)) {
            y[index("ASR")] = 1;
        }
        return y;
    }

    static int index(String label) {
        for (int k = 0; k < LABELS.length; k++) {
            if (LABELS[k].equals(label)) {
                return k;
            }
        }
        throw new IllegalArgumentException(label);
    }

    private static int sum(int[] y) {
        int s = 0;
        for (int v : y) {
            s += v;
        }
        return s;
    }

    /** The signs of a label set; where two labels share a sign the stronger wins. */
    static Map<FundusSign, Double> signs(int[] y, long seed) {
        Map<FundusSign, Double> s = new EnumMap<>(FundusSign.class);
        if (y == null) {
            return s;
        }
        SplittableRandom r = Seeds.rng(seed, "mured-other");
        for (int k = 0; k < y.length; k++) {
            if (y[k] == 0) {
                continue;
            }
            switch (LABELS[k]) {
                case "DR" -> put(s, FundusSign.MICROANEURYSMS, 0.6, FundusSign.HAEMORRHAGES, 0.5,
                        FundusSign.EXUDATES, 0.5);
                case "MH" -> put(s, FundusSign.HAZE, 0.6);
                case "ODC" -> put(s, FundusSign.CUPPING, 0.9);
                case "TSLN" -> put(s, FundusSign.TESSELLATION, 0.9);
                case "ARMD" -> put(s, FundusSign.MACULAR_ATROPHY, 1.0, FundusSign.DRUSEN, 0.4);
                case "DN" -> put(s, FundusSign.DRUSEN, 0.9);
                case "MYA" -> put(s, FundusSign.PERIPAPILLARY_ATROPHY, 1.0, FundusSign.TESSELLATION, 0.5);
                case "BRVO" -> put(s, FundusSign.SECTOR_HAEMORRHAGES, 0.9);
                case "ODP" -> put(s, FundusSign.DISC_PALLOR, 1.0);
                case "CRVO" -> put(s, FundusSign.HAEMORRHAGES, 1.0, FundusSign.FLAME_HAEMORRHAGES, 1.0,
                        FundusSign.DILATED_VEINS, 1.0);
                case "CNV" -> put(s, FundusSign.CNV_MEMBRANE, 1.0);
                case "RS" -> put(s, FundusSign.BONE_SPICULES, 0.8);
                case "ODE" -> put(s, FundusSign.DISC_SWELLING, 1.0);
                case "LS" -> put(s, FundusSign.LASER_SCARS, 1.0);
                case "CSR" -> put(s, FundusSign.SEROUS_DETACHMENT, 1.0);
                case "HTR" -> put(s, FundusSign.NARROW_ARTERIES, 1.0, FundusSign.FLAME_HAEMORRHAGES, 0.3,
                        FundusSign.COTTON_WOOL, 0.3);
                case "ASR" -> put(s, FundusSign.COPPER_WIRE, 1.0);
                case "CRS" -> put(s, FundusSign.CHORIORETINAL_SCARS, 1.0);
                case "OTHER" -> put(s, new FundusSign[] {FundusSign.MYELINATED_FIBRES, FundusSign.MACULAR_HOLE,
                    FundusSign.EPIRETINAL_SHEEN}[r.nextInt(3)], 1.0);
                default -> {
                    // NORMAL: nothing to draw
                }
            }
        }
        return s;
    }

    static void put(Map<FundusSign, Double> s, Object... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            s.merge((FundusSign) pairs[i], (Double) pairs[i + 1], Math::max);
        }
    }

    static void write(PhantomConfig cfg, Tasks tasks) {
        Path dir = cfg.out().resolve("mured");
        List<Image> images = plan(cfg.seed(), cfg.muredCount(), cfg.size());
        tasks.forEach(images.size(), i -> {
            Image im = images.get(i);
            ImageFiles.write(dir.resolve("images/images").resolve(im.id() + im.extension()),
                    FundusPainter.paint(im.eye(), signs(im.labels(), im.eye().seed())));
        });
        StringBuilder train = new StringBuilder(HEADER).append('\n');
        StringBuilder val = new StringBuilder(HEADER).append('\n');
        for (Image im : images) {
            if (im.labels() == null) {
                continue;
            }
            StringBuilder row = im.val() ? val : train;
            row.append(im.id());
            for (int v : im.labels()) {
                row.append(',').append(v);
            }
            row.append('\n');
        }
        AtomicFiles.writeString(dir.resolve("train_data.csv"), train.toString());
        AtomicFiles.writeString(dir.resolve("val_data.csv"), val.toString());
    }
}
