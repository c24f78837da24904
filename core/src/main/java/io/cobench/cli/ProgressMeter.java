package io.cobench.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of long work with rate and ETA. On a terminal it is a redrawn bar; in logs (CI,
 * redirected output) a redrawn bar becomes megabytes of carriage returns, so there it prints one
 * plain line at each tenth of the work and at least every 30 seconds.
 */
public final class ProgressMeter implements AutoCloseable {
    private final ProgressBar bar;
    private final PrintStream log;
    private final String task;
    private final long max;
    private final long startNanos = System.nanoTime();
    private final long startCount;
    private long count;
    private long lastPrintNanos = System.nanoTime();
    private long nextTenth;
    private String message = "";

    private ProgressMeter(String task, long max, long start, PrintStream out, boolean terminal) {
        this.task = task;
        this.max = max;
        this.count = start;
        this.startCount = start;
        this.nextTenth = start + Math.max(1, max / 10);
        if (terminal) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(max).startsFrom(start, Duration.ZERO)
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(out))
                    .setUpdateIntervalMillis(500).showSpeed().build();
            log = null;
        } else {
            bar = null;
            log = out;
        }
    }

    /** A meter on {@code out}, or one that shows nothing when {@code out} is null. */
    public static ProgressMeter start(String task, long max, long start, PrintStream out) {
        if (out == null) {
            return new ProgressMeter(task, max, start, null, false);
        }
        return new ProgressMeter(task, max, start, out, System.console() != null);
    }

    /** A meter on standard error for a data job (cache build, decode, conversion), or a silent one. */
    public static ProgressMeter onStderr(String task, long max, boolean enabled) {
        return start(task, max, 0, enabled ? System.err : null);
    }

    public synchronized void step() {
        stepTo(count + 1);
    }

    public synchronized void stepTo(long n) {
        count = n;
        if (bar != null) {
            bar.stepTo(n);
            return;
        }
        if (log == null) {
            return;
        }
        long now = System.nanoTime();
        if (n >= nextTenth || n == max || now - lastPrintNanos > 30_000_000_000L) {
            while (nextTenth <= n) {
                nextTenth += Math.max(1, max / 10);
            }
            lastPrintNanos = now;
            double secs = (now - startNanos) / 1e9;
            double rate = (n - startCount) / Math.max(secs, 1e-9);
            long eta = rate > 0 ? Math.round((max - n) / rate) : -1;
            log.println(String.format(Locale.ROOT, "%s %d/%d (%d%%) elapsed %s, ETA %s%s", task, n, max,
                    max == 0 ? 100 : 100 * n / max, Eta.format(secs), eta < 0 ? "?" : Eta.format(eta),
                    message.isEmpty() ? "" : "  " + message));
        }
    }

    public synchronized void message(String m) {
        message = m;
        if (bar != null) {
            bar.setExtraMessage(" " + m);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
