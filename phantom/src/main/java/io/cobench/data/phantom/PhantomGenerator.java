package io.cobench.data.phantom;

import io.cobench.cli.ProgressMeter;
import io.cobench.io.Json;
import io.cobench.provenance.BuildInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Generates the selected phantom datasets under {@code out} and records how in
 * {@code phantom.json} (seed, size, count, layout, version), which also marks the folder as
 * phantom output that {@code --force} may replace.
 */
public final class PhantomGenerator {
    public static final String MARKER = "phantom.json";
    /** The chest acquisition model's version in the marker: data made by another model are refused. */
    public static final int ACQUISITION_VERSION = Acquisition.VERSION;

    private PhantomGenerator() {
    }

    /** Images written per dataset folder. */
    public static Map<String, Integer> generate(PhantomConfig cfg, boolean progress) {
        Map<String, Integer> images = expectedImages(cfg);
        int total = images.values().stream().mapToInt(Integer::intValue).sum();
        List<Thread> writers = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(cfg.threads(), r -> {
            Thread t = new Thread(r, "phantom");
            t.setDaemon(true);
            writers.add(t);
            return t;
        });
        try (ProgressMeter bar = ProgressMeter.onStderr("phantom", total, progress)) {
            Tasks tasks = new Tasks(pool, bar::step);
            for (PhantomConfig.PhantomDataset d : cfg.datasets()) {
                switch (d) {
                    case NIH -> NihWriter.write(cfg, tasks);
                    case SIIM -> SiimWriter.write(cfg, tasks);
                    case EYEPACS -> EyePacsWriter.write(cfg, tasks);
                    case MURED -> MuredWriter.write(cfg, tasks);
                    case ODIR -> OdirWriter.write(cfg, tasks);
                }
            }
        } finally {
            // Join the writers, not only the pool: an image in flight after a failure could still
            // create folders under the output once the error was reported (and after a caller
            // removed what stood in its way); awaitTermination alone returns while they exit.
            pool.shutdownNow();
            joinAll(writers);
        }
        Map<String, Object> marker = new LinkedHashMap<>();
        marker.put("generator", "cobench phantom");
        marker.put("version", BuildInfo.version());
        marker.put("seed", cfg.seed());
        marker.put("size", cfg.size());
        marker.put("count", cfg.count());
        // Older phantoms wrote SIIM codes in the image's own frame; readers refuse a marker without this.
        marker.put("siim_rle_frame", SiimWriter.FRAME);
        marker.put("chest_acquisition", Acquisition.VERSION);
        marker.put("nih_layout", cfg.layout().name().toLowerCase(java.util.Locale.ROOT));
        marker.put("images", images);
        Json.writeJson(cfg.out().resolve(MARKER), marker);
        return images;
    }

    private static void joinAll(List<Thread> threads) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        try {
            for (Thread t : threads) {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                if (t.isAlive()) {
                    System.err.println("warning: phantom writer threads still running after 2 minutes");
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How many image files each selected dataset gets. */
    static Map<String, Integer> expectedImages(PhantomConfig cfg) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (PhantomConfig.PhantomDataset d : cfg.datasets()) {
            int n = switch (d) {
                case NIH -> cfg.count();
                case SIIM -> cfg.siimCount();
                case EYEPACS -> 2 * cfg.eyepacsPatients();
                case MURED -> cfg.muredCount() + Math.max(1, cfg.muredCount() / 16);
                case ODIR -> (int) OdirWriter.plan(cfg.seed(), cfg.odirPatients(), PhantomConfig.MIN_SIZE).stream()
                        .mapToLong(p -> (p.left().cls() >= 0 ? 1 : 0) + (p.right().cls() >= 0 ? 1 : 0)).sum();
            };
            m.put(d.folder, n);
        }
        return m;
    }
}
