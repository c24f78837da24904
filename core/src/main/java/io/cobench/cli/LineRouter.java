package io.cobench.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * A stream for log lines whose destination can change while it is held: straight to a terminal,
 * or, while a progress bar occupies the terminal's last line, through the bar's owner, which
 * clears the bar before the line. Objects built before the bar (data loaders, caches) keep this
 * stream and still never write into the bar.
 */
public final class LineRouter extends PrintStream {
    private final Sink sink;

    public LineRouter(PrintStream direct) {
        this(new Sink(direct));
    }

    private LineRouter(Sink sink) {
        super(sink, true, StandardCharsets.UTF_8);
        this.sink = sink;
    }

    /** Sends each complete line to {@code lines} until {@link #direct()}. */
    public void route(Consumer<String> lines) {
        flush();
        sink.target = lines;
    }

    /** Lines go straight to the stream again. */
    public void direct() {
        flush();
        sink.target = null;
    }

    private static final class Sink extends OutputStream {
        private final PrintStream direct;
        private final java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        private volatile Consumer<String> target;

        Sink(PrintStream direct) {
            this.direct = direct;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                String line = buf.toString(StandardCharsets.UTF_8);
                buf.reset();
                Consumer<String> t = target;
                if (t != null) {
                    t.accept(line);
                } else {
                    direct.println(line);
                }
            } else if (b != '\r') {
                buf.write(b);
            }
        }
    }
}
