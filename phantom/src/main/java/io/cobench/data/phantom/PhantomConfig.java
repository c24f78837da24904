package io.cobench.data.phantom;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * What to generate. Every file is a pure function of (seed, size, count, layout): the thread
 * count changes only the speed.
 *
 * @param size edge of the square chest and ODIR pictures in pixels; EyePACS and MuReD pictures are
 *     wider than tall, with this height
 * @param count NIH images; SIIM and MuReD get half as many, EyePACS and ODIR a quarter as many
 *     patients (two eyes each)
 */
public record PhantomConfig(Path out, long seed, int size, int count, NihLayout layout,
                            Set<PhantomDataset> datasets, int threads) {

    /** Where the NIH PNGs go: Kaggle's {@code images_001/images/} shards or the Box tarballs' flat {@code images/}. */
    public enum NihLayout { KAGGLE, BOX }

    /** The five datasets, with their folder names under {@code out}. */
    public enum PhantomDataset {
        NIH("nih"), SIIM("siim"), EYEPACS("eyepacs"), MURED("mured"), ODIR("odir");

        public final String folder;

        PhantomDataset(String folder) {
            this.folder = folder;
        }
    }

    /**
     * The one default phantom set: `pretrain`, `phantom` and the default grid all use it, so a
     * first run generates it once. 64 px and 800 NIH images keep generation to seconds while
     * leaving about 150 NIH test images for a 15-class AUC.
     */
    public static final String DEFAULT_DIR = "runs/phantom";
    public static final int DEFAULT_SIZE = 64;
    public static final int DEFAULT_COUNT = 800;
    public static final long DEFAULT_SEED = 0;
    public static final int MIN_SIZE = 32;
    public static final int MAX_SIZE = 4096;
    public static final int MIN_COUNT = 20;

    public PhantomConfig {
        if (size < MIN_SIZE || size > MAX_SIZE) {
            throw new IllegalArgumentException("size " + size + " px is outside " + MIN_SIZE + ".." + MAX_SIZE);
        }
        if (count < MIN_COUNT || count > 1_000_000) {
            throw new IllegalArgumentException("count " + count + " is outside " + MIN_COUNT + "..1000000");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads " + threads + " must be at least 1");
        }
        datasets = datasets.isEmpty() ? EnumSet.noneOf(PhantomDataset.class) : EnumSet.copyOf(datasets);
    }

    public static PhantomConfig defaults(Path out) {
        return new PhantomConfig(out, DEFAULT_SEED, DEFAULT_SIZE, DEFAULT_COUNT, NihLayout.KAGGLE, EnumSet.allOf(PhantomDataset.class),
                Runtime.getRuntime().availableProcessors());
    }

    public PhantomConfig withSeed(long s) {
        return new PhantomConfig(out, s, size, count, layout, datasets, threads);
    }

    public PhantomConfig withSize(int s) {
        return new PhantomConfig(out, seed, s, count, layout, datasets, threads);
    }

    public PhantomConfig withCount(int n) {
        return new PhantomConfig(out, seed, size, n, layout, datasets, threads);
    }

    public PhantomConfig withOut(Path o) {
        return new PhantomConfig(o, seed, size, count, layout, datasets, threads);
    }

    public PhantomConfig withDatasets(Set<PhantomDataset> d) {
        return new PhantomConfig(out, seed, size, count, layout, d, threads);
    }

    public PhantomConfig withThreads(int t) {
        return new PhantomConfig(out, seed, size, count, layout, datasets, t);
    }

    int siimCount() {
        return Math.max(10, count / 2);
    }

    int muredCount() {
        return Math.max(20, count / 2);
    }

    int eyepacsPatients() {
        return Math.max(5, count / 4);
    }

    int odirPatients() {
        return Math.max(10, count / 4);
    }
}
