package io.cobench.train;

import io.cobench.cli.UserError;
import java.nio.file.Path;
import java.util.List;

/**
 * A resume was refused because the config differs from the one the checkpoint was trained with.
 * Callers that offer no way to accept the change (a grid) catch it and say what to do instead.
 */
public final class ConfigChangedError extends UserError {
    private final long step;
    private final List<String> differences;

    public ConfigChangedError(Path runDir, long step, List<String> differences, String remedy) {
        super("cannot resume " + runDir + ": the config differs from the one its checkpoint (step " + step
                + ") was trained with: " + String.join("; ", differences) + " (" + remedy + ")");
        this.step = step;
        this.differences = List.copyOf(differences);
    }

    public long step() {
        return step;
    }

    /** Each difference as {@code field: old -> new}. */
    public List<String> differences() {
        return differences;
    }
}
