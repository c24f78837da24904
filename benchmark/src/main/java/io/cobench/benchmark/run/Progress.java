package io.cobench.benchmark.run;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The grid's progress: a bar over the pieces of work (pretrainings, cells, Grad-CAM jobs), one
 * log line per finished piece, and an ETA weighted by each piece's estimated cost, so that it
 * does not jump when a cheap linear probe follows a pretraining. Work finished by an earlier run
 * counts as done but not as speed.
 */
public final class Progress implements AutoCloseable {
    static final int WIDTH = 110;
    private final PrintStream log;
    private final ProgressBar bar;
    private final long startNanos = System.nanoTime();
    private final double remaining;
    private double doneNow;

    /**
     * @param items pieces of work in all; {@code itemsDone} of them finished earlier
     * @param cost estimated cost in all; {@code costDone} of it finished earlier
     */
    public Progress(PrintStream log, String task, int items, int itemsDone, double cost, double costDone,
                    boolean showBar) {
        this.log = log;
        this.remaining = cost - costDone;
        this.bar = showBar ? new ProgressBarBuilder().setTaskName(task).setInitialMax(Math.max(1, items))
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(log, WIDTH))
                .setUpdateIntervalMillis(500).hideEta().startsFrom(itemsDone, Duration.ZERO).build() : null;
    }

    /** Marks one piece of estimated {@code cost} done and prints {@code line}. */
    public synchronized void done(double cost, String line) {
        doneNow += cost;
        if (bar != null) {
            bar.step();
            bar.setExtraMessage(eta());
        }
        line(line + "   [" + eta() + "]");
    }

    /** Says what runs now (shown next to the bar). */
    public synchronized void now(String what) {
        if (bar != null) {
            bar.setExtraMessage(what + "  " + eta());
        }
    }

    public synchronized void note(String line) {
        line(line);
    }

    /** A line that starts at the left margin even when the bar is drawn on the current line. */
    private void line(String s) {
        if (bar != null) {
            log.print("\r" + " ".repeat(WIDTH) + "\r");
        }
        log.println(s);
    }

    /**
     * A stream for other writers (the trainer's per-epoch lines): each of its lines goes through
     * {@link #note}, so it neither lands on the bar's line nor is overwritten by it.
     */
    public PrintStream console(String label) {
        // Workers run in parallel, so each line says which run it belongs to.
        String prefix = label == null || label.isEmpty() ? "" : label + "  ";
        return new PrintStream(new OutputStream() {
            private final StringBuilder buf = new StringBuilder();

            @Override
            public synchronized void write(int b) {
                if (b == '\n') {
                    note(prefix + buf.toString());
                    buf.setLength(0);
                } else if (b != '\r') {
                    buf.append((char) (b & 0xff));
                }
            }
        }, true, StandardCharsets.ISO_8859_1);
    }

    /** Elapsed time and the remaining time extrapolated from this run's speed. */
    synchronized String eta() {
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
    public synchronized void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
