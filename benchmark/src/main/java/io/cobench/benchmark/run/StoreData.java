package io.cobench.benchmark.run;

import io.cobench.benchmark.data.FindingBox;
import io.cobench.benchmark.data.CachedSplit;
import io.cobench.benchmark.data.DownstreamData;
import io.cobench.benchmark.data.LoadedData;
import io.cobench.benchmark.grid.Downstream;
import io.cobench.benchmark.grid.GridConfig;
import io.cobench.cli.UserError;
import io.cobench.data.DatasetIndex;
import io.cobench.data.loaders.Loaders;
import io.cobench.data.Sample;
import io.cobench.data.nih.NihBoxes;
import io.cobench.data.phantom.PhantomConfig;
import io.cobench.data.phantom.PhantomGenerator;
import io.cobench.data.pipeline.ImageCache;
import io.cobench.data.pipeline.Normalization;
import io.cobench.data.siim.SiimLoader;
import io.cobench.data.siim.SiimRle;
import io.cobench.data.siim.SiimRleFile;
import io.cobench.io.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The datasets of a grid, in their real layouts: under the roots the config names, or in the
 * phantom folder, generated on first use. Images go through the shared image cache (decoded and
 * resized once, kept under {@code cacheDir}) at the encoder's size and channels.
 */
public final class StoreData implements DataProvider {
    private final GridConfig cfg;
    private final Path cacheDir;
    private final PrintStream log;
    private final Map<Downstream, DownstreamData> opened = new java.util.EnumMap<>(Downstream.class);
    private final Map<String, DatasetIndex> indexes = new HashMap<>();
    private boolean phantomChecked;

    public StoreData(GridConfig cfg, Path cacheDir, PrintStream log) {
        this.cfg = cfg;
        this.cacheDir = cacheDir;
        this.log = log;
    }

    /** Downstream images are normalised exactly as pretraining normalised them. */
    public Normalization normalization() {
        return io.cobench.run.PretrainData.NORMALIZATION;
    }

    /**
     * Opened once per dataset and shared (splits are read-only): the grid's workers and the
     * ceiling's pretraining would otherwise re-check every image file of the cache each time.
     */
    @Override
    public synchronized DownstreamData downstream(Downstream d) {
        return opened.computeIfAbsent(d, this::open);
    }

    private DownstreamData open(Downstream d) {
        DatasetIndex index = index(d.key());
        List<Sample> used = new ArrayList<>(index.split(LoadedData.poolSplit(d)));
        used.addAll(index.split(LoadedData.testSplit(d)));
        ImageCache cache = cache(d.key(), index, used);
        CachedSplit.MaskSource masks = d == Downstream.SIIM ? siimMasks(index.root()) : null;
        List<FindingBox> boxes = d == Downstream.NIH ? nihBoxes(index, cache.size()) : List.of();
        return new LoadedData(d, index, cache, normalization(), masks, boxes, cfg.data().valFraction(),
                cfg.datasets().get(d.key()));
    }

    /** The root of {@code dataset}: named in the config, else in the phantom folder. */
    public Path root(String dataset) {
        String r = cfg.data().roots().get(dataset);
        if (r != null) {
            Path p = Path.of(r);
            if (!Files.isDirectory(p)) {
                throw new UserError("data root for " + dataset + " is not a directory: " + p
                        + " (set data.roots." + dataset + " in the grid or pass --data-root " + dataset + "=DIR)");
            }
            return p;
        }
        GridConfig.PhantomSpec ph = cfg.data().phantom();
        if (ph == null) {
            throw new UserError("no data root for " + dataset + ": set data.roots." + dataset
                    + " in the grid or pass --data-root " + dataset + "=DIR");
        }
        // A relative phantom folder hangs under the cobench home, wherever the command runs from.
        Path dir = io.cobench.cli.Home.resolve(ph.dir());
        ensurePhantom(dir, ph);
        return dir.resolve(dataset);
    }

    private synchronized DatasetIndex index(String dataset) {
        DatasetIndex idx = indexes.get(dataset);
        if (idx == null) {
            idx = Loaders.forName(dataset).load(root(dataset));
            indexes.put(dataset, idx);
        }
        return idx;
    }

    private ImageCache cache(String dataset, DatasetIndex index, List<Sample> samples) {
        Set<String> missing = new LinkedHashSet<>();
        for (Sample s : samples) {
            if (index.missing().contains(s.id())) {
                missing.add(s.id());
            }
        }
        if (!missing.isEmpty()) {
            throw new UserError(dataset + ": " + missing.size() + " of " + samples.size() + " images are missing under "
                    + index.root() + " (first: " + missing.iterator().next() + ")");
        }
        int size = cfg.encoder().imageSize();
        int ch = cfg.encoder().channels();
        Path file = ImageCache.file(cacheDir, dataset, "eval", index.root(), size, ch);
        // One cache per dataset and size, holding every image found, whichever split asks.
        ImageCache cache = ImageCache.open(file, ImageCache.Source.of(index.found()),
                new ImageCache.Spec(size, ch, io.cobench.data.BadImagePolicy.fail(), Runtime.getRuntime().availableProcessors(),
                        false));
        if (cache.wasBuilt()) {
            log.println("cached " + cache.count() + " " + dataset + " images at " + size + " px in " + file);
        }
        return cache;
    }

    private synchronized void ensurePhantom(Path dir, GridConfig.PhantomSpec ph) {
        if (phantomChecked) {
            return;
        }
        io.cobench.run.PhantomData.ensure(PhantomConfig.defaults(dir).withSize(ph.size()).withCount(ph.count())
                .withSeed(ph.seed()), log);
        phantomChecked = true;
    }

    /**
     * SIIM masks from the RLE file, decoded in the codes' 1024 x 1024 frame (whatever size the image
     * file has) and reduced to the cache's size, as the image is.
     */
    static CachedSplit.MaskSource siimMasks(Path root) {
        Map<String, SiimRleFile.Image> rle = SiimLoader.masks(root);
        return (sample, size) -> {
            SiimRleFile.Image im = rle.get(sample.id());
            if (im == null) {
                throw new IllegalStateException("no RLE rows for SIIM image " + sample.id());
            }
            return reduce(SiimRleFile.mask(im), SiimRle.SIZE, size);
        };
    }

    /**
     * Area reduction of a row-major 0/1 mask from {@code from} to {@code to} pixels: a target pixel
     * is foreground when at least half of the source pixels it covers are.
     */
    static float[] reduce(byte[] mask, int from, int to) {
        float[] out = new float[to * to];
        for (int y = 0; y < to; y++) {
            int y0 = y * from / to;
            int y1 = Math.max(y0 + 1, (y + 1) * from / to);
            for (int x = 0; x < to; x++) {
                int x0 = x * from / to;
                int x1 = Math.max(x0 + 1, (x + 1) * from / to);
                int on = 0;
                for (int yy = y0; yy < y1; yy++) {
                    for (int xx = x0; xx < x1; xx++) {
                        on += mask[yy * from + xx] != 0 ? 1 : 0;
                    }
                }
                out[y * to + x] = 2 * on >= (y1 - y0) * (x1 - x0) ? 1f : 0f;
            }
        }
        return out;
    }

    /** NIH boxes of test images, scaled from each image's own pixel frame to the cache's. */
    private static List<FindingBox> nihBoxes(DatasetIndex index, int size) {
        Path file;
        try (Stream<Path> s = Files.find(index.root(), 3, (p, a) -> p.getFileName().toString()
                .equals("BBox_List_2017.csv"))) {
            file = s.findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search " + index.root() + " for BBox_List_2017.csv", e);
        }
        if (file == null) {
            return List.of();
        }
        Map<String, Path> images = new HashMap<>();
        for (Sample s : index.samples()) {
            images.put(s.id(), s.image());
        }
        List<FindingBox> out = new ArrayList<>();
        Map<String, Integer> widths = new HashMap<>();
        for (NihBoxes.Box b : NihBoxes.read(file)) {
            Path img = images.get(b.image());
            if (img == null || index.missing().contains(b.image())) {
                continue;
            }
            double scale = (double) size / widths.computeIfAbsent(b.image(), k -> width(img));
            out.add(new FindingBox(b.image(), b.finding(), b.x() * scale, b.y() * scale, b.w() * scale, b.h() * scale));
        }
        return out;
    }

    /** Pixel width of an image file, read from its header. */
    static int width(Path image) {
        try (ImageInputStream in = ImageIO.createImageInputStream(image.toFile())) {
            var readers = ImageIO.getImageReaders(in);
            if (in == null || !readers.hasNext()) {
                throw new UserError("cannot read image " + image);
            }
            ImageReader r = readers.next();
            try {
                r.setInput(in);
                return r.getWidth(0);
            } finally {
                r.dispose();
            }
        } catch (IOException e) {
            throw new UserError("cannot read image " + image + ": " + e.getMessage());
        }
    }
}
