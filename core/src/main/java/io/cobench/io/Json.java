package io.cobench.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The project's one JSON and one YAML mapper, configured alike everywhere. */
public final class Json {
    // Duplicate keys are refused in everything read: with "last one wins" a config's second
    // "epochs:" would silently replace the first.
    public static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .findAndRegisterModules();
    public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER))
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .findAndRegisterModules();

    private Json() {
    }

    /**
     * A reader for config records whose fields are all required: a missing field, a null for a
     * number or flag, and a fraction for an integer ({@code epochs: 2.9}) are errors instead of
     * 0, 0 and 2. A field that may be null must still be written.
     */
    public static com.fasterxml.jackson.databind.ObjectReader strictReader(Class<?> type) {
        return JSON.readerFor(type)
                .with(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    /**
     * One line for a config value Jackson refused: the field's dotted path under {@code section}
     * and what is wrong, without Jackson's source dump.
     */
    public static String describe(String section, com.fasterxml.jackson.core.JsonProcessingException e) {
        StringBuilder path = new StringBuilder(section);
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m) {
            for (var ref : m.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append('.').append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
        }
        String msg = e.getOriginalMessage();
        int cut = msg.indexOf("\n");
        if (cut >= 0) {
            msg = msg.substring(0, cut);
        }
        // Jackson speaks of creator properties and its own feature flags; the user needs the field.
        if (msg.startsWith("Missing creator property") || msg.startsWith("Missing required creator property")) {
            msg = "required field is missing";
        }
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("Cannot coerce Floating-point value \\((.*?)\\) to `(\\w+)`.*").matcher(msg);
        if (m.matches()) {
            msg = m.group(1) + " is not an integer (" + m.group(2) + ")";
        }
        m = java.util.regex.Pattern.compile("Cannot map `null` into type `(\\w+)`.*").matcher(msg);
        if (m.matches()) {
            msg = "null where a " + m.group(1) + " is required";
        }
        return path + ": " + msg;
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
