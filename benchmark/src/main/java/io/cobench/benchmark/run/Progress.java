package io.cobench.benchmark.run;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The grid's progress: a bar weighted by the estimated cost of each piece of work (so the ETA
 * does not jump when a cheap linear probe follows a pretraining), plus one log line per finished
 * piece. Work finished by an earlier run counts as done but not as speed.
 */
public final class Progress implements AutoCloseable {
    private static final long SCALE = 100;
    private final PrintStream log;
    private final ProgressBar bar;
    private final long startNanos = System.nanoTime();
    private double doneNow;
    private final double remaining;

    public Progress(PrintStream log, String task, double total, double alreadyDone, boolean showBar) {
        this.log = log;
        this.remaining = total - alreadyDone;
        this.bar = showBar ? new ProgressBarBuilder().setTaskName(task).setInitialMax(Math.max(1, Math.round(total * SCALE)))
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(log, 110))
                .setUpdateIntervalMillis(500).hideEta().startsFrom(Math.round(alreadyDone * SCALE), Duration.ZERO)
                .build() : null;
    }

    /** Marks {@code cost} more work done and prints {@code line}. */
    public void done(double cost, String line) {
        doneNow += cost;
        if (bar != null) {
            bar.stepBy(Math.round(cost * SCALE));
            bar.setExtraMessage(eta());
        }
        log.println();
        log.println(line + "   [" + eta() + "]");
    }

    /** Says what runs now (shown next to the bar). */
    public void now(String what) {
        if (bar != null) {
            bar.setExtraMessage(what + "  " + eta());
        }
    }

    public void note(String line) {
        log.println();
        log.println(line);
    }

    /** Elapsed time and the remaining time extrapolated from this run's speed. */
    String eta() {
        double secs = (System.nanoTime() - startNanos) / 1e9;
        String el = fmt(secs);
        if (doneNow <= 0) {
            return "elapsed " + el;
        }
        double left = secs / doneNow * Math.max(0, remaining - doneNow);
        return "elapsed " + el + ", ETA " + fmt(left);
    }

    static String fmt(double secs) {
        long s = Math.round(secs);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
