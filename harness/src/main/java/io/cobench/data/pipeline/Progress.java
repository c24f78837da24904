package io.cobench.data.pipeline;

import io.cobench.cli.ProgressMeter;


/**
 * A progress bar on standard error for long data jobs (cache builds, phantom generation), or
 * nothing when disabled (tests, scripted runs). Thread-safe: workers call {@link #step()}.
 */
public final class Progress implements AutoCloseable {
    private final ProgressMeter meter;

    private Progress(ProgressMeter meter) {
        this.meter = meter;
    }

    public static Progress start(String task, long max, boolean enabled) {
        return new Progress(ProgressMeter.start(task, max, 0, enabled ? System.err : null));
    }

    public void step() {
        meter.step();
    }

    @Override
    public void close() {
        meter.close();
    }
}
