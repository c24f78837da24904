package io.cobench.run;

import io.cobench.cli.UserError;
import io.cobench.data.phantom.PhantomConfig;
import io.cobench.data.phantom.PhantomGenerator;
import io.cobench.data.siim.SiimRle;
import io.cobench.io.Json;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The embedded default data: phantom datasets generated once into a folder and reused. A run
 * whose config names no data root reads them; the generator's marker file says the folder is
 * complete (it is written last) and with which settings it was made, so a folder made with other
 * settings is refused instead of silently read.
 */
public final class PhantomData {
    private PhantomData() {
    }

    /** The default folder with the five phantom datasets, generated with the defaults if absent. */
    public static Path ensure(Path dir, PrintStream console) {
        return ensure(PhantomConfig.defaults(dir), console);
    }

    /**
     * {@code spec.out()} holding phantom datasets made with {@code spec}'s size, count and seed:
     * generated on first use, checked against its marker afterwards.
     */
    public static Path ensure(PhantomConfig spec, PrintStream console) {
        Path dir = spec.out();
        Path marker = dir.resolve(PhantomGenerator.MARKER);
        if (Files.isRegularFile(marker)) {
            Map<?, ?> m = Json.readJson(marker, Map.class);
            if (!Integer.valueOf(SiimRle.SIZE).equals(m.get("siim_rle_frame"))) {
                throw new UserError("phantom data in " + dir + " was written by an older cobench (SIIM masks in each"
                        + " image's own frame, not the 1024 frame): delete the folder to regenerate it");
            }
            Object acq = m.get("chest_acquisition");
            if (!Integer.valueOf(PhantomGenerator.ACQUISITION_VERSION).equals(acq)) {
                throw new UserError("phantom data in " + dir + " was written by another cobench (chest acquisition model "
                        + (acq == null ? "none" : acq) + ", this build writes " + PhantomGenerator.ACQUISITION_VERSION
                        + "): delete the folder to regenerate it");
            }
            boolean same = ((Number) m.get("size")).intValue() == spec.size()
                    && ((Number) m.get("count")).intValue() == spec.count()
                    && ((Number) m.get("seed")).longValue() == spec.seed();
            if (!same) {
                throw new UserError("phantom data in " + dir + " was generated with size " + m.get("size") + ", count "
                        + m.get("count") + ", seed " + m.get("seed") + "; this run asks for size " + spec.size()
                        + ", count " + spec.count() + ", seed " + spec.seed()
                        + ": delete the folder, or name another one (data.phantom.dir in a grid, --phantom-dir)");
            }
            return dir;
        }
        if (console != null) {
            console.println("generating phantom datasets (" + spec.count() + " NIH images at " + spec.size()
                    + " px) in " + dir + " (first use)");
        }
        long t = System.nanoTime();
        PhantomGenerator.generate(spec, false);
        if (console != null) {
            console.printf(Locale.ROOT, "phantom datasets ready in %.1f s%n", (System.nanoTime() - t) / 1e9);
        }
        return dir;
    }
}
