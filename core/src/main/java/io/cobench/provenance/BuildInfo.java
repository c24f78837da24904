package io.cobench.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Facts baked into the jar at build time (Maven resource filtering). */
public final class BuildInfo {
    private static final Properties PROPS = load();

    private BuildInfo() {
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/io/cobench/build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new IllegalStateException("build.properties unreadable", e);
        }
        return p;
    }

    public static String version() {
        return PROPS.getProperty("version", "unknown");
    }

    public static String nd4jVersion() {
        return PROPS.getProperty("nd4j.version", "unknown");
    }

    public static String nd4jArtifact() {
        return PROPS.getProperty("nd4j.backend", "unknown") + ":" + PROPS.getProperty("nd4j.classifier", "");
    }
}
