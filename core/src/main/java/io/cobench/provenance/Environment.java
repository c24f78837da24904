package io.cobench.provenance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The provenance record of a run directory: what ran, on what, from which code and data.
 * Assembled as a map so that it serialises to stable, readable JSON.
 */
public final class Environment {
    private Environment() {
    }

    /**
     * The facts that do not depend on the run: code, engine, machine. The engine's facts come in as
     * a map (backend, device, ...) so that this record needs no ND4J; null where no engine ran.
     */
    public static Map<String, Object> of(Map<String, Object> engine) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("project_version", BuildInfo.version());
        m.put("git_commit", git("rev-parse", "HEAD"));
        String status = git("status", "--porcelain", "--untracked-files=no");
        m.put("git_dirty", status == null ? null : !status.isBlank());
        m.put("nd4j_version", BuildInfo.nd4jVersion());
        m.put("nd4j_artifact", BuildInfo.nd4jArtifact());
        if (engine != null) {
            m.putAll(engine);
        }
        m.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        m.put("recorded_at", Instant.now().toString());
        return m;
    }

    /** Output of a git command in the working directory, or null where git or the repository is absent. */
    static String git(String... args) {
        try {
            String[] cmd = new String[args.length + 1];
            cmd[0] = "git";
            System.arraycopy(args, 0, cmd, 1, args.length);
            Process p = new ProcessBuilder(cmd).directory(Path.of("").toAbsolutePath().toFile())
                    .redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return new String(out, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
