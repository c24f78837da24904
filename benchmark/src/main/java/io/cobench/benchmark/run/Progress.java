package io.cobench.benchmark.run;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import io.cobench.cli.Eta;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The grid's progress: one bar over the pieces of work (pretrainings, cells, Grad-CAM jobs), one
 * log line per finished piece, and an ETA ({@link Eta}) learnt from the pieces finished so far,
 * kind by kind. Work finished by an earlier run counts as done but is neither planned nor timed.
 * Durations have one format, H:MM:SS, the bar's own.
 */
public final class Progress implements AutoCloseable {
    static final int WIDTH = 110;
    private final PrintStream log;
    private final ProgressBar bar;
    private final long startNanos = System.nanoTime();
    private final Eta eta;

    /**
     * @param items    pieces of work in all; {@code itemsDone} of them finished earlier
     * @param parallel pieces that run at the same time
     */
    public Progress(PrintStream log, String task, int items, int itemsDone, int parallel, boolean showBar) {
        this.log = log;
        this.eta = new Eta(parallel);
        this.bar = showBar ? new ProgressBarBuilder().setTaskName(task).setInitialMax(Math.max(1, items))
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(log, WIDTH))
                .setUpdateIntervalMillis(500).hideEta().startsFrom(itemsDone, Duration.ZERO).build() : null;
    }

    /** A piece still to run, of {@code kind} (pieces of one kind take alike per unit of estimated cost). */
    public void plan(String kind, double cost) {
        eta.plan(kind, cost);
    }

    /** Marks one planned piece done after {@code secs} seconds and prints {@code line}. */
    public synchronized void done(String kind, double cost, double secs, String line) {
        eta.finished(kind, cost, secs);
        if (bar != null) {
            bar.step();
            bar.setExtraMessage(etaText());
        }
        line(line + "   [elapsed " + Eta.format((System.nanoTime() - startNanos) / 1e9) + ", " + etaText() + "]");
    }

    /** Says what runs now (shown next to the bar). */
    public synchronized void now(String what) {
        if (bar != null) {
            bar.setExtraMessage(what + "  " + etaText());
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

    /** "ETA 0:03:10", or "ETA ?" before the first piece finished. */
    String etaText() {
        java.util.OptionalDouble left = eta.remainingSeconds();
        return "ETA " + (left.isPresent() ? Eta.format(left.getAsDouble()) : "?");
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
