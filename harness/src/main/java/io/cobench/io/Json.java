package io.cobench.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The project's one JSON and one YAML mapper, configured alike everywhere. */
public final class Json {
    public static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .findAndRegisterModules();
    public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER))
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .findAndRegisterModules();

    private Json() {
    }

    /** Writes {@code value} as indented JSON, atomically. */
    public static void writeJson(Path file, Object value) {
        AtomicFiles.write(file, out -> JSON.writeValue(new NonClosing(out), value));
    }

    public static void writeYaml(Path file, Object value) {
        AtomicFiles.write(file, out -> YAML.writeValue(new NonClosing(out), value));
    }

    public static <T> T readJson(Path file, Class<T> type) {
        try {
            return JSON.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read JSON " + file + ": " + e.getMessage(), e);
        }
    }

    /** Jackson closes the stream it writes to; the atomic writer must close it itself. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(java.io.OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
