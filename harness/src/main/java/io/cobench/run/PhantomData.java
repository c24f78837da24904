package io.cobench.run;

import io.cobench.data.phantom.PhantomConfig;
import io.cobench.data.phantom.PhantomGenerator;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded default data: phantom datasets generated once into a folder and reused. A run
 * whose config names no data root reads them; the generator's marker file says the folder is
 * complete (it is written last).
 */
public final class PhantomData {
    /** Where the default phantom datasets live, relative to the working directory. */
    public static final Path DEFAULT_DIR = Path.of("runs", "phantom");

    private PhantomData() {
    }

    /** The folder with the five phantom datasets, generated with the defaults if absent. */
    public static Path ensure(Path dir, PrintStream console) {
        if (Files.exists(dir.resolve(PhantomGenerator.MARKER))) {
            return dir;
        }
        if (console != null) {
            console.println("generating the phantom datasets in " + dir + " (first use)");
        }
        PhantomGenerator.generate(PhantomConfig.defaults(dir), console != null);
        return dir;
    }
}
