package io.cobench.data.phantom;

import io.cobench.io.AtomicFiles;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a phantom SIIM-ACR in the sneddy PNG layout: {@code train/<ImageId>.png} and
 * {@code train-rle.csv} ({@code ImageId, EncodedPixels}, values with the Kaggle copy's leading
 * space). Negatives have one {@code -1} row; a positive has one row per pneumothorax region, and
 * the regions are exactly where the radiograph shows the pneumothorax. Codes are in the real
 * data's 1024 x 1024 frame whatever the phantom's size ({@link #toFrame}), so the one reader
 * serves both.
 */
final class SiimWriter {
    static final String HEADER = "ImageId, EncodedPixels";
    /** The frame of SIIM's codes. */
    static final int FRAME = io.cobench.data.siim.SiimRle.SIZE;

    /** One study: its id and how many separate pneumothorax regions it has (0 = negative). */
    record Study(String imageId, int regions, ChestAnatomy anatomy, boolean ap, long seed) {
    }

    private SiimWriter() {
    }

    static Study study(long seed, int index) {
        SplittableRandom r = Seeds.rng(seed, "siim", index);
        // the first three studies pin a negative, a one-region and a two-region positive
        int regions = index < 3 ? index : Seeds.chance(r, 0.3) ? (Seeds.chance(r, 0.3) ? 2 : 1) : 0;
        String id = String.format("1.2.276.0.7230010.3.1.4.8323329.%d.15178752%02d.%06d",
                1000 + 7 * index + r.nextInt(7), r.nextInt(100), r.nextInt(1_000_000));
        return new Study(id, regions, ChestAnatomy.sample(Seeds.rng(seed, "siim-anatomy", index)),
                Seeds.chance(r, 0.3), Seeds.mix(seed, "siim-pixels".hashCode(), index));
    }

    static ChestPainter.Picture render(Study s, int size) {
        EnumSet<NihFinding> f = s.regions() > 0 ? EnumSet.of(NihFinding.PNEUMOTHORAX) : EnumSet.noneOf(NihFinding.class);
        return new ChestPainter(size).paint(s.anatomy(), f, s.ap(), s.seed(), Math.max(1, s.regions()));
    }

    /** The binary mask of each region (coverage of at least one half), row-major. */
    static List<boolean[]> masks(ChestPainter.Picture pic) {
        return pic.pneumothorax().stream().map(m -> m.binary(0.5)).toList();
    }

    /**
     * A {@code size}-square mask in the 1024 frame: frame pixel {@code X} takes source pixel
     * {@code s} exactly when {@code floor(s*1024/size) <= X < floor((s+1)*1024/size)}, the blocks the
     * area reduction back to {@code size} uses, so decoding and reducing gives the drawn mask back.
     */
    static boolean[] toFrame(boolean[] mask, int size) {
        int[] src = new int[FRAME];
        for (int x = 0; x < FRAME; x++) {
            src[x] = (int) (((long) (x + 1) * size - 1) / FRAME);
        }
        boolean[] out = new boolean[FRAME * FRAME];
        for (int y = 0; y < FRAME; y++) {
            int row = src[y] * size;
            for (int x = 0; x < FRAME; x++) {
                out[y * FRAME + x] = mask[row + src[x]];
            }
        }
        return out;
    }

    static void write(PhantomConfig cfg, Tasks tasks) {
        Path dir = cfg.out().resolve("siim");
        int n = cfg.siimCount();
        String[] rows = new String[n];
        tasks.forEach(n, i -> {
            Study s = study(cfg.seed(), i);
            ChestPainter.Picture pic = render(s, cfg.size());
            ImageFiles.write(dir.resolve("train").resolve(s.imageId() + ".png"), pic.canvas());
            StringBuilder sb = new StringBuilder();
            if (s.regions() == 0) {
                sb.append(s.imageId()).append(", -1\n");
            } else {
                for (boolean[] mask : masks(pic)) {
                    String rle = SiimRleEncoder.encode(toFrame(mask, cfg.size()), FRAME, FRAME);
                    if (rle.isEmpty()) {
                        throw new IllegalStateException("empty pneumothorax region in " + s.imageId());
                    }
                    sb.append(s.imageId()).append(", ").append(rle).append('\n');
                }
            }
            rows[i] = sb.toString();
        });
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (String r : rows) {
            csv.append(r);
        }
        AtomicFiles.writeString(dir.resolve("train-rle.csv"), csv.toString());
    }
}
