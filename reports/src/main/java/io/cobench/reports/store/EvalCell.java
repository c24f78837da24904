package io.cobench.reports.store;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A finished evaluation cell: its directory and its metrics.
 *
 * @param dir     STORE/eval/&lt;cell-id&gt;
 * @param metrics the parsed metrics.json
 */
public record EvalCell(Path dir, CellRecord metrics) {

    public Path predictions() {
        return dir.resolve("predictions.csv");
    }

    public Path labels() {
        return dir.resolve("labels.csv");
    }

    public Path perImage() {
        return dir.resolve("per_image.csv");
    }

    public boolean hasPredictions() {
        return Files.isRegularFile(predictions()) && Files.isRegularFile(labels());
    }

    public boolean hasPerImage() {
        return Files.isRegularFile(perImage());
    }

    /** Path relative to the store root, e.g. {@code eval/linear__nih__f1__coboom__s0}. */
    public String relative() {
        return "eval/" + dir.getFileName();
    }
}
