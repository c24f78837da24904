package io.cobench.data;

import java.nio.file.Path;

/** Reads one dataset from the directory a user downloaded it to, in its real layout. */
public interface DatasetLoader {

    /** Registry name: nih, siim, eyepacs, mured, odir. */
    String name();

    /**
     * Reads labels, splits and the image file list under {@code root}. Images may be absent
     * (they are then listed in {@link DatasetIndex#missing()}); bad metadata is a
     * {@link io.cobench.cli.UserError} naming the file and line.
     */
    DatasetIndex load(Path root);
}
