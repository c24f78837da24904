package io.cobench.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where default paths live: phantom data, caches, stores, reports and the default grid resolve
 * against one home, not against the directory a command happens to run from. The home is
 * {@code $COBENCH_HOME} when set, else the repository root that the {@code ./cobench} script
 * passes as {@code -Dcobench.home}, else the working directory. Paths a user types stay relative
 * to the working directory, as on any command line.
 */
public final class Home {
    public static final String ENV = "COBENCH_HOME";
    public static final String PROPERTY = "cobench.home";

    private Home() {
    }

    /** The home of this process. */
    public static Path dir() {
        return dir(System.getenv(), System.getProperty(PROPERTY));
    }

    static Path dir(Map<String, String> env, String property) {
        String e = env.get(ENV);
        if (e != null && !e.isBlank()) {
            return Path.of(e).toAbsolutePath().normalize();
        }
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        return Path.of("").toAbsolutePath();
    }

    /** A default path: {@code rel} under the home (an absolute {@code rel} stays as it is). */
    public static Path resolve(String rel) {
        return dir().resolve(rel).normalize();
    }

    /** {@code given} when the user gave it, else {@code fallback} under the home. */
    public static Path orDefault(Path given, String fallback) {
        return given != null ? given : resolve(fallback);
    }
}
