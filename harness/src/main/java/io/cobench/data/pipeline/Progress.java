package io.cobench.data.pipeline;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on standard error for long data jobs (cache builds, phantom generation), or
 * nothing when disabled (tests, scripted runs). Thread-safe: workers call {@link #step()}.
 */
public final class Progress implements AutoCloseable {
    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    public static Progress start(String task, long max, boolean enabled) {
        if (!enabled) {
            return new Progress(null);
        }
        // a plain console consumer: no terminal probing, works in logs and CI
        ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(max)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err))
                .setUpdateIntervalMillis(250).build();
        return new Progress(bar);
    }

    public void step() {
        if (bar != null) {
            bar.step();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
