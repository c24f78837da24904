package io.cobench.engine;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * SameDiff 1.0.0-M2.1 prints "Added differentiated op ..." to stdout for every op when it builds a
 * gradient graph (hundreds of lines for a ResNet). This filter drops exactly those lines so that
 * users see progress, and passes everything else through unchanged.
 */
public final class QuietStdout extends OutputStream {
    private static final String NOISE = "Added differentiated op";
    private static volatile boolean installed;

    private final PrintStream target;
    private final StringBuilder line = new StringBuilder();

    private QuietStdout(PrintStream target) {
        this.target = target;
    }

    /** A filtered stream over {@code target}. */
    public static PrintStream wrap(PrintStream target) {
        return new PrintStream(new QuietStdout(target), true, StandardCharsets.UTF_8);
    }

    /** Replaces System.out with the filtered stream once per process. */
    public static synchronized void install() {
        if (!installed) {
            System.setOut(wrap(System.out));
            installed = true;
        }
    }

    @Override
    public synchronized void write(int b) {
        line.append((char) (b & 0xff));
        if (b == '\n') {
            flushLine();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        for (int i = 0; i < len; i++) {
            write(b[off + i]);
        }
    }

    @Override
    public synchronized void flush() {
        // Partial lines (progress bars redraw with \r) go out at once unless they could still be noise.
        if (line.length() > 0 && !NOISE.startsWith(line.toString()) && !line.toString().startsWith(NOISE)) {
            flushLine();
        }
        target.flush();
    }

    private void flushLine() {
        String s = line.toString();
        line.setLength(0);
        if (!s.startsWith(NOISE)) {
            byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
            target.write(bytes, 0, bytes.length);
        }
    }
}
