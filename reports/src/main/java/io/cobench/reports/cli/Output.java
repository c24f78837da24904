package io.cobench.reports.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.cobench.io.Json;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

/** Printing helpers shared by the score commands. */
final class Output {

    private Output() {
    }

    /** Prints a value as JSON (NaN has no JSON form: callers pass null for undefined numbers). */
    static void json(PrintWriter out, Object value) {
        try {
            out.println(Json.JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }

    static Double orNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    static String fmt(double v) {
        return Double.isNaN(v) ? "undefined" : String.format(Locale.ROOT, "%.4f", v);
    }

    static String p(double v) {
        return Double.isNaN(v) ? "undefined" : String.format(Locale.ROOT, "%.4g", v);
    }
}
